using System.Runtime.InteropServices;

namespace AlphaTrade.Models.Native;

/// <summary>
/// The LightGBM C API (c_api.h) of lib_lightgbm, the native library the LightGBM NuGet package ships (the one ML.NET's
/// LightGBM trainer loads too). Every call returns 0 on success; <see cref="Check"/> turns a failure into an exception
/// carrying LGBM_GetLastError's message.
/// </summary>
internal static partial class LightGbmNative
{
    private const string Lib = "lib_lightgbm";

    /// <summary>C_API_DTYPE_FLOAT32.</summary>
    public const int Float32 = 0;

    /// <summary>C_API_PREDICT_NORMAL: the transformed output (probability for binary).</summary>
    public const int PredictNormal = 0;

    [LibraryImport(Lib)]
    public static partial IntPtr LGBM_GetLastError();

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial int LGBM_DatasetCreateFromMat(float* data, int dataType, int nrow, int ncol, int isRowMajor, string parameters, IntPtr reference, out IntPtr dataset);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial int LGBM_DatasetSetField(IntPtr dataset, string field, float* data, int count, int type);

    [LibraryImport(Lib)]
    public static partial int LGBM_DatasetFree(IntPtr dataset);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LGBM_BoosterCreate(IntPtr dataset, string parameters, out IntPtr booster);

    [LibraryImport(Lib)]
    public static partial int LGBM_BoosterAddValidData(IntPtr booster, IntPtr validData);

    [LibraryImport(Lib)]
    public static partial int LGBM_BoosterUpdateOneIter(IntPtr booster, out int finished);

    [LibraryImport(Lib)]
    public static partial int LGBM_BoosterGetEvalCounts(IntPtr booster, out int count);

    [LibraryImport(Lib)]
    public static unsafe partial int LGBM_BoosterGetEval(IntPtr booster, int dataIndex, out int count, double* results);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial int LGBM_BoosterPredictForMat(IntPtr booster, float* data, int dataType, int nrow, int ncol, int isRowMajor, int predictType, int startIteration, int numIteration, string parameter, out long outLength, double* result);

    [LibraryImport(Lib)]
    public static unsafe partial int LGBM_BoosterSaveModelToString(IntPtr booster, int startIteration, int numIteration, int importanceType, long bufferLength, out long outLength, byte* result);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LGBM_BoosterLoadModelFromString(string model, out int iterations, out IntPtr booster);

    [LibraryImport(Lib)]
    public static partial int LGBM_BoosterFree(IntPtr booster);

    /// <summary>Throws when a C API call failed, with the library's own message.</summary>
    public static void Check(int rc, string call)
    {
        if (rc != 0)
        {
            var message = Marshal.PtrToStringUTF8(LGBM_GetLastError()) ?? "unknown error";
            throw new InvalidOperationException($"lib_lightgbm {call} failed: {message}");
        }
    }
}
