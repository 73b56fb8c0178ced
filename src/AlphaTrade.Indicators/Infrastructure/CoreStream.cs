using System.Runtime.CompilerServices;
using AlphaTrade.Core.Market;

namespace AlphaTrade.Indicators.Infrastructure;

/// <summary>The streaming form of a core: applies the invalid-bar rule and the warm-up exactly as the batch loop does.</summary>
internal sealed class CoreStream<TCore> : IIndicatorStream, IBatchStream
    where TCore : struct, ICore
{
    private readonly double[] _out;
    private readonly double[] _scratch = new double[5];
    private readonly PriceInputs _used;
    private readonly PriceField _s0;
    private readonly PriceField _s1;
    private readonly int _seriesCount;
    private TCore _core;
    private int _segment;

    public CoreStream(IndicatorInfo info, TCore core, int lookback, PriceInputs used, ReadOnlySpan<PriceField> sources)
    {
        Info = info;
        _core = core;
        Lookback = lookback;
        _used = used;
        _seriesCount = info.Series.Count;
        _s0 = _seriesCount > 0 ? sources[0] : PriceField.Close;
        _s1 = _seriesCount > 1 ? sources[1] : PriceField.Close;
        _out = new double[info.Outputs.Count];
        Array.Fill(_out, double.NaN);
    }

    public IndicatorInfo Info { get; }

    public int OutputCount => _out.Length;

    public int Lookback { get; }

    public bool IsReady => _segment > Lookback;

    public int BarsSeen { get; private set; }

    public double this[int index] => _out[index];

    public void Update(in Bar bar) => Update(bar, double.NaN);

    public void Update(in Bar bar, double extra) =>
        Step(bar.TimeUtcTicks, bar.Open, bar.High, bar.Low, bar.Close, bar.Volume, extra);

    // One bar as scalars: the batch loop below calls it inlined, without a Bar or Tick round trip through memory
    // beyond the one the core reads.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Step(long time, double open, double high, double low, double close, double volume, double extra)
    {
        BarsSeen++;
        double r0 = _seriesCount > 0 ? CoreInputs.Pick(_s0, open, high, low, close, volume, extra) : 0;
        double r1 = _seriesCount > 1 ? CoreInputs.Pick(_s1, open, high, low, close, volume, extra) : 0;
        if (!CoreInputs.IsValid(_used, open, high, low, close, volume, r0, r1))
        {
            _core.Reset();
            SyncScratch();
            _segment = 0;
            Array.Fill(_out, double.NaN);
            return;
        }

        var t = CoreInputs.ToTick(time, open, high, low, close, volume, r0, r1);
        if (_segment > Lookback)
        {
            // Past the warm-up the core writes straight into the outputs: they hold what the scratch would (the
            // last values written), so the core sees the same buffer contents without a copy per bar.
            _core.Update(t, _out);
            _segment++;
            return;
        }

        _core.Update(t, _scratch);
        _segment++;
        if (_segment > Lookback)
        {
            _scratch.AsSpan(0, _out.Length).CopyTo(_out);
        }
    }

    public void UpdateAll(IIndicatorStream?[] streams, BarSlice slice)
    {
        var ids = slice.Symbols;
        var o = slice.Open;
        var h = slice.High;
        var l = slice.Low;
        var c = slice.Close;
        var v = slice.Volume;
        long time = slice.StartUtcTicks;
        for (int i = 0; i < ids.Length; i++)
        {
            int id = ids[i];
            var stream = streams[id];
            if (stream is CoreStream<TCore> same)
            {
                // Same core type: a direct (inlinable) call instead of an interface dispatch per symbol.
                same.Step(time, o[id], h[id], l[id], c[id], v[id], double.NaN);
            }
            else
            {
                stream?.Update(new Bar(time, o[id], h[id], l[id], c[id], v[id]));
            }
        }
    }

    public void Reset()
    {
        _core.Reset();
        SyncScratch();
        _segment = 0;
        BarsSeen = 0;
        Array.Fill(_out, double.NaN);
    }

    // Leaving the direct phase: the scratch takes back the last values written, as if every bar had gone through it.
    private void SyncScratch()
    {
        if (_segment > Lookback)
        {
            _out.CopyTo(_scratch, 0);
        }
    }

}

/// <summary>A stream that can feed a whole set of streams of its kind one step in one call.</summary>
internal interface IBatchStream
{
    /// <summary>Feeds <c>streams[id]</c> (null entries skipped) the bar of every symbol id in <paramref name="slice"/>.</summary>
    void UpdateAll(IIndicatorStream?[] streams, BarSlice slice);
}

/// <summary>How a core's inputs are read from a bar: shared by the per-symbol stream and the bank of all symbols.</summary>
internal static class CoreInputs
{
    /// <summary>Non-finite inputs the indicator reads make the bar invalid (the unused fields of r0/r1 are 0, finite).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsValid(PriceInputs used, double open, double high, double low, double close, double volume, double r0, double r1) =>
        ((used & PriceInputs.Open) == 0 || double.IsFinite(open))
        && ((used & PriceInputs.High) == 0 || double.IsFinite(high))
        && ((used & PriceInputs.Low) == 0 || double.IsFinite(low))
        && ((used & PriceInputs.Close) == 0 || double.IsFinite(close))
        && ((used & PriceInputs.Volume) == 0 || double.IsFinite(volume))
        && double.IsFinite(r0)
        && double.IsFinite(r1);

    /// <summary>The core's input for one bar.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tick ToTick(long time, double open, double high, double low, double close, double volume, double r0, double r1) => new()
    {
        Time = time,
        Open = open,
        High = high,
        Low = low,
        Close = close,
        Volume = volume,
        R0 = r0,
        R1 = r1,
    };

    /// <summary>The bar field a series reads; <paramref name="extra"/> for the extra series (NaN for bars fed without one).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Pick(PriceField f, double open, double high, double low, double close, double volume, double extra) => f switch
    {
        PriceField.Open => open,
        PriceField.High => high,
        PriceField.Low => low,
        PriceField.Close => close,
        PriceField.Volume => volume,
        _ => extra,
    };
}
