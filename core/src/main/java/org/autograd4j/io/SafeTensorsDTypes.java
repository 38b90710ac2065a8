package org.autograd4j.io;

import java.util.Set;
import org.autograd4j.DType;

/** Maps between {@link DType} and the dtype strings of the safetensors header. */
final class SafeTensorsDTypes {
  /**
   * Every dtype the reference implementation knows, so that a file holding, say, F16 is reported as
   * "unsupported" rather than "unknown": the former is a valid file we cannot load yet, the latter
   * a corrupt or foreign one.
   */
  private static final Set<String> REFERENCE_DTYPES =
      Set.of(
          "BOOL", "F4", "F6_E2M3", "F6_E3M2", "U8", "I8", "F8_E5M2", "F8_E4M3", "F8_E8M0", "I16",
          "U16", "F16", "BF16", "I32", "U32", "F32", "C64", "F64", "I64", "U64");

  private SafeTensorsDTypes() {}

  /** The header string for a dtype, e.g. {@code "F32"}. */
  static String code(DType dtype) {
    switch (dtype) {
      case FLOAT32:
        return "F32";
      case FLOAT64:
        return "F64";
      case INT64:
        return "I64";
      case BOOL:
        return "BOOL";
      default:
        throw new IllegalArgumentException("no safetensors code for " + dtype);
    }
  }

  /** The dtype for a header string, or {@code null} when we do not support it. */
  static DType fromCode(String code) {
    switch (code) {
      case "F32":
        return DType.FLOAT32;
      case "F64":
        return DType.FLOAT64;
      case "I64":
        return DType.INT64;
      case "BOOL":
        return DType.BOOL;
      default:
        return null;
    }
  }

  /** Whether the reference implementation knows this dtype string. */
  static boolean isReferenceDType(String code) {
    return REFERENCE_DTYPES.contains(code);
  }

  /**
   * Position of the dtype in the reference's {@code Dtype} enum, which is declared in increasing
   * alignment order. The reference writer lays tensors out by this rank, descending, so that every
   * tensor's data stays aligned to its element size.
   */
  static int referenceRank(DType dtype) {
    switch (dtype) {
      case BOOL:
        return 0;
      case FLOAT32:
        return 15;
      case FLOAT64:
        return 17;
      case INT64:
        return 18;
      default:
        throw new IllegalArgumentException("no safetensors rank for " + dtype);
    }
  }
}
