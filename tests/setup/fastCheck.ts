import fc from "fast-check";

/**
 * Property tests run from a fixed seed so CI is repeatable; set FC_SEED to explore other inputs
 * (`FC_SEED=$RANDOM npm test`), and fast-check prints the seed of any failure it finds.
 */
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261125) });
