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
            _ => new PriceCore(kind));
}

/// <summary>Average price (O+H+L+C)/4 (TA-Lib AVGPRICE).</summary>
public static class AvgPrice
{
    internal static readonly IndicatorDefinition Definition = PriceCore.Define("avgprice", "AVGPRICE", "Average price", PriceInputs.Ohlc, PriceKind.Average);

    /// <summary>(O+H+L+C)/4 for every bar, vectorised.</summary>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> dst)
    {
        int n = close.Length;
        int i = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated)
        {
            int w = System.Numerics.Vector<double>.Count;
            var four = new System.Numerics.Vector<double>(4.0);
            for (; i <= n - w; i += w)
            {
                var h = new System.Numerics.Vector<double>(high.Slice(i, w));
                var l = new System.Numerics.Vector<double>(low.Slice(i, w));
                var c = new System.Numerics.Vector<double>(close.Slice(i, w));
                var o = new System.Numerics.Vector<double>(open.Slice(i, w));
                (((h + l) + c + o) / four).CopyTo(dst.Slice(i, w));
            }
        }

        for (; i < n; i++)
        {
            dst[i] = PriceCore.Value(PriceKind.Average, open[i], high[i], low[i], close[i]);
        }
    }
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
