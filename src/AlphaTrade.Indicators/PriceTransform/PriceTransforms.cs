using System.Numerics;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.PriceTransform;

/// <summary>The four TA-Lib price transforms, one value per bar.</summary>
internal enum PriceKind
{
    Average,
    Median,
    Typical,
    WeightedClose,
}

/// <summary>Per-bar price transform in TA-Lib's operation order.</summary>
internal readonly struct PriceCore(PriceKind kind) : ICore
{
    public void Reset()
    {
    }

    public void Update(in Tick t, Span<double> output) => output[0] = Value(kind, t.Open, t.High, t.Low, t.Close);

    public static double Value(PriceKind kind, double open, double high, double low, double close) => kind switch
    {
        PriceKind.Average => (high + low + close + open) / 4,
        PriceKind.Median => (high + low) / 2.0,
        PriceKind.Typical => (high + low + close) / 3.0,
        _ => (high + low + (close * 2.0)) / 4.0,
    };

    public static IndicatorDefinition Define(string name, string taLib, string description, PriceInputs inputs, PriceKind kind) =>
        Meta.Define(
            Meta.Info(name, taLib, IndicatorCategory.PriceTransform, description, inputs, [], [name], Meta.TaLib),
            _ => 0,
            _ => new PriceCore(kind),
            (in Columns c, int s, int e, ReadOnlySpan<double> _, in Outputs o) =>
                Kernel(kind, c.Open.IsEmpty ? default : c.Open[s..e], c.High[s..e], c.Low[s..e], c.Close.IsEmpty ? default : c.Close[s..e], o.O0[s..e]));

    /// <summary>
    /// Vectorised transform of a valid segment: Vector&lt;double&gt; lanes perform the scalar formula's operations in
    /// the same order, so results are bit-identical to <see cref="Value"/>.
    /// </summary>
    public static void Kernel(PriceKind kind, ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> dst)
    {
        int n = high.Length, i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int w = Vector<double>.Count;
            var two = new Vector<double>(2.0);
            var three = new Vector<double>(3.0);
            var four = new Vector<double>(4.0);
            for (; i <= n - w; i += w)
            {
                var h = new Vector<double>(high.Slice(i, w));
                var l = new Vector<double>(low.Slice(i, w));
                Vector<double> r = kind switch
                {
                    PriceKind.Average => (h + l + new Vector<double>(close.Slice(i, w)) + new Vector<double>(open.Slice(i, w))) / four,
                    PriceKind.Median => (h + l) / two,
                    PriceKind.Typical => (h + l + new Vector<double>(close.Slice(i, w))) / three,
                    _ => (h + l + (new Vector<double>(close.Slice(i, w)) * two)) / four,
                };
                r.CopyTo(dst.Slice(i, w));
            }
        }

        for (; i < n; i++)
        {
            dst[i] = Value(kind, open.IsEmpty ? 0 : open[i], high[i], low[i], close.IsEmpty ? 0 : close[i]);
        }
    }
}

/// <summary>Average price (O+H+L+C)/4 (TA-Lib AVGPRICE).</summary>
public static class AvgPrice
{
    internal static readonly IndicatorDefinition Definition = PriceCore.Define("avgprice", "AVGPRICE", "Average price", PriceInputs.Ohlc, PriceKind.Average);

    /// <summary>(O+H+L+C)/4 for every bar (vectorised; inputs assumed valid, see the invalid-bar rule for the definition's handling).</summary>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> dst) =>
        PriceCore.Kernel(PriceKind.Average, open, high, low, close, dst);
}

/// <summary>Median price (H+L)/2 (TA-Lib MEDPRICE).</summary>
public static class MedPrice
{
    internal static readonly IndicatorDefinition Definition = PriceCore.Define("medprice", "MEDPRICE", "Median price", PriceInputs.HighLow, PriceKind.Median);
}

/// <summary>Typical price (H+L+C)/3 (TA-Lib TYPPRICE).</summary>
public static class TypPrice
{
    internal static readonly IndicatorDefinition Definition = PriceCore.Define("typprice", "TYPPRICE", "Typical price", PriceInputs.Hlc, PriceKind.Typical);
}

/// <summary>Weighted close price (H+L+2C)/4 (TA-Lib WCLPRICE).</summary>
public static class WclPrice
{
    internal static readonly IndicatorDefinition Definition = PriceCore.Define("wclprice", "WCLPRICE", "Weighted close price", PriceInputs.Hlc, PriceKind.WeightedClose);
}

/// <summary>
/// Heikin-Ashi candles: close = (O+H+L+C)/4; open = mean of the previous HA open and close (first: (O+C)/2);
/// high/low = extremes of the bar's high/low and the HA open/close (Dan Valcu, "Using the Heikin-Ashi Technique",
/// TASC Feb 2004).
/// </summary>
public static class HeikinAshi
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("heikin_ashi", null, IndicatorCategory.PriceTransform, "Heikin-Ashi candles", PriceInputs.Ohlc, [], ["open", "high", "low", "close"],
            "Dan Valcu, Using the Heikin-Ashi Technique, TASC Feb 2004"),
        _ => 0,
        _ => default(Core));

    internal struct Core : ICore
    {
        private double _open;
        private double _close;
        private bool _started;

        public void Reset() => this = default;

        public void Update(in Tick t, Span<double> output)
        {
            double close = (t.Open + t.High + t.Low + t.Close) / 4.0;
            double open = _started ? (_open + _close) / 2.0 : (t.Open + t.Close) / 2.0;
            _started = true;
            _open = open;
            _close = close;
            output[0] = open;
            output[1] = Math.Max(t.High, Math.Max(open, close));
            output[2] = Math.Min(t.Low, Math.Min(open, close));
            output[3] = close;
        }
    }
}
