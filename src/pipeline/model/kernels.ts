/** The two matrix kernels the network calls directly through the engine (no op wrappers, no reshapes). */
import * as tf from '@tensorflow/tfjs-core';

/**
 * x·w + bias with an optional activation as one `_FusedMatMul` kernel (x [1, M, K], w [1, K, n], bias [n]).
 * Called through the engine rather than tf.fused.matMul, whose gradient wrapper costs several times the kernel.
 */
export function dense(x: tf.Tensor3D, w: tf.Tensor3D, bias: tf.Tensor, activation: 'linear' | 'relu' | 'sigmoid' = 'linear'): tf.Tensor3D {
  return tf.engine().runKernel(
    '_FusedMatMul',
    { a: x, b: w, bias } as unknown as tf.NamedTensorMap,
    { transposeA: false, transposeB: false, activation, leakyreluAlpha: 0 } as unknown as tf.NamedAttrMap,
  ) as tf.Tensor3D;
}

/** Batched a·b (or with either transposed) as one `BatchMatMul` kernel, without the op's reshapes. */
export function mm(a: tf.Tensor, b: tf.Tensor, transposeA = false, transposeB = false): tf.Tensor {
  return tf.engine().runKernel(
    'BatchMatMul',
    { a, b } as unknown as tf.NamedTensorMap,
    { transposeA, transposeB } as unknown as tf.NamedAttrMap,
  ) as tf.Tensor;
}

/** Sizes of one forward pass: B scenes, N entities each (padded), hidden width H, k heads. */
export interface PassDims {
  B: number;
  N: number;
  H: number;
  heads: number;
}

/** The state a refinement iteration updates: features h [1, B·N, H], positions p [B, N, 3], quaternions q [B, N, 4]. */
export type IterationState = [h: tf.Tensor3D, p: tf.Tensor3D, q: tf.Tensor3D];
