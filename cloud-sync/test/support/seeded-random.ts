// The seeded PRNG the tests share (scripts/lib/seeded-random.ts).
export { seededRandom } from '../../../scripts/lib/seeded-random.ts';
