import { startCluster } from './postgres.ts';

console.log(startCluster({ dir: '/tmp/pg-bench', port: 5440, cpu: 0 }).version);
