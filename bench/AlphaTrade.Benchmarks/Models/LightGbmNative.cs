using System.Runtime.InteropServices;

namespace AlphaTrade.Benchmarks.Models;

/// <summary>
/// The LightGBM C API of the very lib_lightgbm.so that ML.NET ships: the native library's own training time, the
/// baseline the ML.NET LightGBM trainer is compared against.
/// </summary>
internal static partial class LightGbmNative
{
    private const string Lib = "lib_lightgbm";

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int LGBM_DatasetCreateFromMat(float* data, int dataType, int nrow, int ncol, int rowMajor, string parameters, IntPtr reference, out IntPtr dataset);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int LGBM_DatasetSetField(IntPtr dataset, string field, float* data, int count, int type);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LGBM_BoosterCreate(IntPtr dataset, string parameters, out IntPtr booster);

    [LibraryImport(Lib)]
    private static partial int LGBM_BoosterUpdateOneIter(IntPtr booster, out int finished);

    [LibraryImport(Lib)]
    private static partial int LGBM_BoosterFree(IntPtr booster);

    [LibraryImport(Lib)]
    private static partial int LGBM_DatasetFree(IntPtr dataset);

    /// <summary>Builds the dataset from the row-major matrix and trains <paramref name="rounds"/> rounds.</summary>
    public static unsafe void Train(float[] values, float[] labels, int features, string parameters, int rounds)
    {
        IntPtr ds;
        fixed (float* p = values)
        {
            Check(LGBM_DatasetCreateFromMat(p, 0, labels.Length, features, 1, parameters, IntPtr.Zero, out ds));
        }

        try
        {
            fixed (float* l = labels)
            {
                Check(LGBM_DatasetSetField(ds, "label", l, labels.Length, 0));
            }

            Check(LGBM_BoosterCreate(ds, parameters, out var booster));
            try
            {
                for (var i = 0; i < rounds; i++)
                {
                    Check(LGBM_BoosterUpdateOneIter(booster, out var finished));
                    if (finished != 0)
                    {
                        break;
                    }
                }
            }
            finally
            {
                _ = LGBM_BoosterFree(booster);
            }
        }
        finally
        {
            _ = LGBM_DatasetFree(ds);
        }
    }

    private static void Check(int rc)
    {
        if (rc != 0)
        {
            throw new InvalidOperationException("lib_lightgbm call failed");
        }
    }
}
