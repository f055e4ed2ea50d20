import { syntheticDatabase } from '@bilateral/store/synthetic';

const started = Date.now();
const db = syntheticDatabase({ events: Number(process.argv[2]) });
console.log(db.path, db.generated, (Date.now() - started) / 1000, 's');
