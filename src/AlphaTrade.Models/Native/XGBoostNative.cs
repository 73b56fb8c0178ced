using System.Reflection;
using System.Runtime.InteropServices;

namespace AlphaTrade.Models.Native;

/// <summary>
/// P/Invoke to the XGBoost C API (Debian's libxgboost0, 1.7). The library is found by name: ALPHATRADE_XGBOOST_LIB
/// when set, else libxgboost.so.0, libxgboost.so, xgboost; a missing library raises <see cref="XGBoostUnavailableException"/>.
/// </summary>
internal static partial class XGBoostNative
{
    private const string Lib = "xgboost";
    private static readonly Lazy<IntPtr> Handle = new(Resolve);

    static XGBoostNative()
    {
        NativeLibrary.SetDllImportResolver(typeof(XGBoostNative).Assembly, (name, _, _) => name == Lib ? Handle.Value : IntPtr.Zero);
    }

    /// <summary>Throws <see cref="XGBoostUnavailableException"/> when the library cannot be loaded.</summary>
    public static void EnsureLoaded() => _ = Handle.Value;

    /// <summary>True when the library can be loaded.</summary>
    public static bool IsAvailable
    {
        get
        {
            try
            {
                EnsureLoaded();
                return true;
            }
            catch (XGBoostUnavailableException)
            {
                return false;
            }
        }
    }

    private static IntPtr Resolve()
    {
        var env = Environment.GetEnvironmentVariable("ALPHATRADE_XGBOOST_LIB");
        return Resolve(string.IsNullOrEmpty(env) ? ["libxgboost.so.0", "libxgboost.so", "xgboost"] : [env]);
    }

    /// <summary>Loads the first of <paramref name="names"/> that loads, or throws naming the package to install.</summary>
    internal static IntPtr Resolve(string[] names)
    {
        foreach (var n in names)
        {
            if (NativeLibrary.TryLoad(n, Assembly.GetExecutingAssembly(), DllImportSearchPath.SafeDirectories | DllImportSearchPath.System32, out var h)
                || NativeLibrary.TryLoad(n, out h))
            {
                return h;
            }
        }

        throw new XGBoostUnavailableException(
            $"the XGBoost native library was not found (tried {string.Join(", ", names)}): install it with scripts/install-test-deps.sh or 'apt-get install libxgboost0', or point ALPHATRADE_XGBOOST_LIB at libxgboost.so");
    }

    /// <summary>Throws with XGBoost's last error message when <paramref name="rc"/> is not 0.</summary>
    public static void Check(int rc, string call)
    {
        if (rc != 0)
        {
            throw new InvalidOperationException($"XGBoost {call} failed: {Marshal.PtrToStringUTF8(XGBGetLastError())}");
        }
    }

    [LibraryImport(Lib)]
    internal static partial IntPtr XGBGetLastError();

    [LibraryImport(Lib)]
    internal static partial void XGBoostVersion(out int major, out int minor, out int patch);

    [LibraryImport(Lib)]
    internal static unsafe partial int XGDMatrixCreateFromMat_omp(float* data, ulong nrow, ulong ncol, float missing, out IntPtr handle, int nthread);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial int XGDMatrixSetFloatInfo(IntPtr handle, string field, float* array, ulong len);

    [LibraryImport(Lib)]
    internal static partial int XGDMatrixFree(IntPtr handle);

    [LibraryImport(Lib)]
    internal static unsafe partial int XGBoosterCreate(IntPtr* dmats, ulong len, out IntPtr handle);

    [LibraryImport(Lib)]
    internal static partial int XGBoosterFree(IntPtr handle);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterSetParam(IntPtr handle, string name, string value);

    [LibraryImport(Lib)]
    internal static partial int XGBoosterUpdateOneIter(IntPtr handle, int iter, IntPtr dtrain);

    [LibraryImport(Lib)]
    internal static unsafe partial int XGBoosterEvalOneIter(IntPtr handle, int iter, IntPtr* dmats, IntPtr* names, ulong len, out IntPtr result);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial int XGBoosterPredictFromDense(IntPtr handle, string arrayInterface, string config, IntPtr proxy, out ulong* shape, out ulong dim, out float* result);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial int XGBoosterSaveModelToBuffer(IntPtr handle, string config, out ulong len, out byte* data);

    [LibraryImport(Lib)]
    internal static unsafe partial int XGBoosterLoadModelFromBuffer(IntPtr handle, byte* buffer, ulong len);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterSetAttr(IntPtr handle, string key, string value);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterGetAttr(IntPtr handle, string key, out IntPtr value, out int success);
}

/// <summary>The XGBoost native library is not installed (or could not be loaded).</summary>
public sealed class XGBoostUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public XGBoostUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public XGBoostUnavailableException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public XGBoostUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
