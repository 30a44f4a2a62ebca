/*
 * Preloaded by the narformer launcher on AMD processors (see ../../../../narformer and docs/RESULTS.md,
 * "Matrix products on AMD processors").
 *
 * PyTorch's CPU build links Intel oneMKL statically and exports its symbols. MKL asks this function whether the
 * processor is an Intel one and, when it is not, does not take its fastest code paths whatever the processor
 * supports. With this definition loaded first, MKL chooses its kernels by the processor's feature flags (AVX-512 on
 * the EPYC machines this project runs on), as it does on Intel processors.
 */
int mkl_serv_intel_cpu_true(void) {
    return 1;
}
