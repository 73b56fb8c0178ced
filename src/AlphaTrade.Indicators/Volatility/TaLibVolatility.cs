using System.Runtime.CompilerServices;
using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Volatility;

/// <summary>True range: max(high − low, |prev close − high|, |prev close − low|) (TA-Lib TRANGE).</summary>
public static class TRange
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("trange", "TRANGE", IndicatorCategory.Volatility, "True range", PriceInputs.Hlc, [], ["trange"], Meta.TaLib),
        _ => 1,
        _ => new Atr.Core(1, normalized: false));
}

/// <summary>Average true range, SMA-seeded then Wilder-smoothed (TA-Lib ATR).</summary>
public static class Atr
{
    /// <summary>Warm-up bars: period.</summary>
    public static int Lookback(int period) => period;

    /// <summary>Computes the ATR into <paramref name="dst"/>.</summary>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period, Span<double> dst)
    {
        var input = new OhlcvInput(default, high, low, close, default);
        var cols = new Columns(input, PriceInputs.Hlc, default, default);
        var outs = new Outputs(dst[..cols.Length]);
        Runner.RunKernel((in Columns c, int s, int e, ReadOnlySpan<double> _, in Outputs o) => Kernel(c.High[s..e], c.Low[s..e], c.Close[s..e], o.O0[s..e], period), cols, default, outs);
    }

    /// <summary>One valid segment, in <see cref="AtrState"/>'s exact operation order (bit-identical to the streaming form).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> dst, int period)
    {
        int n = close.Length;
        dst[..Math.Min(n, period)].Fill(double.NaN);
        if (n <= period)
        {
            return;
        }

        double sum = 0;
        for (int i = 1; i <= period; i++)
        {
            sum += AtrState.Range(high[i], low[i], close[i - 1]);
        }

        double atr = period == 1 ? sum : sum / period;
        dst[period] = atr;
        for (int i = period + 1; i < n; i++)
        {
            double tr = AtrState.Range(high[i], low[i], close[i - 1]);
            if (period == 1)
            {
                atr = tr;
            }
            else
            {
                atr *= period - 1;
                atr += tr;
                atr /= period;
            }

            dst[i] = atr;
        }
    }

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("atr", "ATR", IndicatorCategory.Volatility, "Average true range", PriceInputs.Hlc, [Meta.Period(14, 1)], ["atr"], Meta.TaLib),
        p => Lookback(Meta.I(p, 0)),
        p => new Core(Meta.I(p, 0), normalized: false),
        static (in Columns c, int s, int e, ReadOnlySpan<double> p, in Outputs o) => Kernel(c.High[s..e], c.Low[s..e], c.Close[s..e], o.O0[s..e], Meta.I(p, 0)));

    internal struct Core(int period, bool normalized) : ICore
    {
        private AtrState _atr = new(period);

        public void Reset() => _atr.Reset();

        public void Update(in Tick t, Span<double> output)
        {
            double atr = _atr.Update(t.High, t.Low, t.Close);
            if (normalized)
            {
                atr = t.Close > -1e-14 && t.Close < 1e-14 ? 0.0 : (atr / t.Close) * 100.0;
            }

            output[0] = atr;
        }
    }
}

/// <summary>Normalized ATR: 100·ATR/close (TA-Lib NATR).</summary>
public static class Natr
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("natr", "NATR", IndicatorCategory.Volatility, "Normalized average true range", PriceInputs.Hlc, [Meta.Period(14, 1)], ["natr"], Meta.TaLib),
        p => Meta.I(p, 0),
        p => new Atr.Core(Meta.I(p, 0), normalized: true));
}

/// <summary>Population variance over the period, mean(x²) − mean(x)² (TA-Lib VAR; TA-Lib ignores nbdev here).</summary>
public static class Var
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("var", "VAR", IndicatorCategory.Volatility, "Variance", PriceInputs.None,
            [Meta.Period(5, 1), Meta.Real("nbdev", 1, -3e37, 3e37, "Unused by TA-Lib's VAR (kept for parameter compatibility)")], ["var"], Meta.TaLib, Meta.Close),
        p => Meta.I(p, 0) - 1,
        p => new Core(Meta.I(p, 0), double.NaN));

    /// <summary>Variance, or nbdev·σ (σ = 0 below 1e-14 variance) when <c>nbdev</c> is a number.</summary>
    internal struct Core(int period, double nbdev) : ICore
    {
        private Moments _m = new(period);

        public void Reset() => _m.Reset();

        public void Update(in Tick t, Span<double> output)
        {
            _m.Update(t.R0);
            output[0] = double.IsNaN(nbdev) ? _m.Variance : _m.StdDev * nbdev;
        }
    }
}

/// <summary>Population standard deviation × nbdev (TA-Lib STDDEV).</summary>
public static class StdDev
{
    /// <summary>Computes nbdev × the population standard deviation (TA-Lib STDDEV) into <paramref name="dst"/>.</summary>
    public static void Compute(ReadOnlySpan<double> src, int period, double nbDev, Span<double> dst)
    {
        var core = new Var.Core(period, nbDev);
        Runner.Single(ref core, period - 1, src, dst);
    }

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("stddev", "STDDEV", IndicatorCategory.Volatility, "Standard deviation", PriceInputs.None,
            [Meta.Period(5, 2), Meta.Real("nbdev", 1, -3e37, 3e37, "Multiplier")], ["stddev"], Meta.TaLib, Meta.Close),
        p => Meta.I(p, 0) - 1,
        p => new Var.Core(Meta.I(p, 0), p[1]));
}
