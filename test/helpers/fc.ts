// fast-check, seeded. `npm test` must give the same verdict on every run (CI runs once), so the
// property tests use a fixed seed unless NEWSPRINT_FC_SEED says otherwise: a number for another
// fixed seed, or `random` for a fresh one each run (`npm run fuzz` does that).
import fc from 'fast-check';

const env = process.env.NEWSPRINT_FC_SEED;
if (env !== 'random') fc.configureGlobal({ seed: env && /^-?\d+$/.test(env) ? Number(env) : 20261127 });

export default fc;
