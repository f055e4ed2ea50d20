import { FuzzyDateType, fuzzyDate } from './fuzzy-date.ts';
import { ActorRef, CitationRef, OfficeRef } from './refs.ts';

OfficeRef.implement({
  description: 'A post a person held, as the sources state it: "Prime Minister of Pakistan from March 2024".',
  fields: (t) => ({
    title: t.exposeString('title', { description: 'The post, such as "Prime Minister" or "Chief of Army Staff".' }),
    holder: t.field({
      type: ActorRef,
      description: 'The person who held the post.',
      resolve: async (office, _args, { loaders }) => (await loaders.actor.load(office.holderId))!,
    }),
    organization: t.field({
      type: ActorRef,
      nullable: true,
      description: 'The state or organisation the post belongs to.',
      resolve: (office, _args, { loaders }) =>
        office.organizationId ? loaders.actor.load(office.organizationId) : null,
    }),
    from: t.exposeString('fromEdtf', {
      nullable: true,
      description:
        'When the holder took the post, as an EDTF date at the sources\' precision ("2024-03"); null when not stated. `fromDate` has the parsed form.',
    }),
    to: t.exposeString('toEdtf', {
      nullable: true,
      description:
        'When the holder left the post, as an EDTF date; null when still in office or not stated. `toDate` has the parsed form.',
    }),
    fromDate: t.field({
      type: FuzzyDateType,
      nullable: true,
      description: 'When the holder took the post, with display text and bounds.',
      resolve: (office) => fuzzyDate(office.fromEdtf),
    }),
    toDate: t.field({
      type: FuzzyDateType,
      nullable: true,
      description: 'When the holder left the post, with display text and bounds.',
      resolve: (office) => fuzzyDate(office.toEdtf),
    }),
    citations: t.field({
      type: [CitationRef],
      description: 'Passages that state the office.',
      resolve: (office, _args, { loaders }) => loaders.officeCitations.load(office.id),
    }),
  }),
});
