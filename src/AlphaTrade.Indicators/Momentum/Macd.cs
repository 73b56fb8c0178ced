using System.Runtime.CompilerServices;
using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Momentum;

/// <summary>
/// The MACD core shared by MACD, MACDEXT and MACDFIX: fast MA − slow MA (periods swapped when given in the wrong
/// order), both aligned so they start at the same bar; signal = MA of the MACD line; histogram = MACD − signal.
/// </summary>
internal struct MacdCore : ICore
{
    private readonly AlignedMa _fast;
    private readonly AlignedMa _slow;
    private readonly ChainedMa _signal;

    public MacdCore(MaBlock fast, MaBlock slow, MaBlock signal)
    {
        (_fast, _slow, _) = AlignedMa.Pair(fast, slow);
        _signal = new ChainedMa(signal);
    }

    public readonly void Reset()
    {
        _fast.Reset();
        _slow.Reset();
        _signal.Reset();
    }

    public readonly void Update(in Tick t, Span<double> output)
    {
        double f = _fast.Update(t.R0);
        double s = _slow.Update(t.R0);
        double macd = f - s;
        double sig = _signal.Update(macd);
        output[0] = macd;
        output[1] = sig;
        output[2] = macd - sig;
    }

    /// <summary>TA-Lib's MACD with EMAs; period 0 means TA-Lib's fixed k (0.15 for 12, 0.075 for 26).</summary>
    public static MacdCore Ema(int fast, int slow, int signal)
    {
        if (slow < fast)
        {
            (fast, slow) = (slow, fast);
        }

        MaBlock f = fast == 0 ? new FixedKEma(12, 0.15) : new FixedKEma(fast, 2.0 / (fast + 1));
        MaBlock s = slow == 0 ? new FixedKEma(26, 0.075) : new FixedKEma(slow, 2.0 / (slow + 1));
        return new MacdCore(f, s, new FixedKEma(signal, 2.0 / (signal + 1)));
    }
}

/// <summary>Moving average convergence/divergence with TA-Lib's aligned, SMA-seeded EMAs (TA-Lib MACD).</summary>
public static class Macd
{
    /// <summary>Warm-up bars: (max(fast, slow) − 1) + (signal − 1).</summary>
    public static int Lookback(int fast, int slow, int signal) => Math.Max(fast, slow) - 1 + signal - 1;

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("macd", "MACD", IndicatorCategory.Momentum, "Moving average convergence/divergence", PriceInputs.None,
            [Meta.Period(12, 2, "fast_period", "Fast EMA period"), Meta.Period(26, 2, "slow_period", "Slow EMA period"), Meta.Period(9, 1, "signal_period", "Signal EMA period")],
            ["macd", "signal", "hist"], Meta.TaLib, Meta.Close),
        p => Lookback(Meta.I(p, 0), Meta.I(p, 1), Meta.I(p, 2)),
        p => MacdCore.Ema(Meta.I(p, 0), Meta.I(p, 1), Meta.I(p, 2)),
        static (in Columns c, int s, int e, ReadOnlySpan<double> p, in Outputs o) =>
            Compute(c.R0[s..e], Meta.I(p, 0), Meta.I(p, 1), Meta.I(p, 2), o.O0[s..e], o.O1[s..e], o.O2[s..e]));

    /// <summary>
    /// MACD of one series without invalid values (see <see cref="IndicatorDefinition"/> for the invalid-bar rule):
    /// the same operations, in the same order, as the streaming core, so results are bit-identical.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Compute(ReadOnlySpan<double> src, int fast, int slow, int signal, Span<double> macd, Span<double> signalLine, Span<double> hist)
    {
        if (slow < fast)
        {
            (fast, slow) = (slow, fast);
        }

        int n = src.Length;
        int lb = Math.Min(n, Lookback(fast, slow, signal));
        macd[..lb].Fill(double.NaN);
        signalLine[..lb].Fill(double.NaN);
        hist[..lb].Fill(double.NaN);
        if (n < slow)
        {
            return;
        }

        double kf = 2.0 / (fast + 1), ks = 2.0 / (slow + 1), kg = 2.0 / (signal + 1);
        double slowSum = 0, fastSum = 0;
        for (int i = 0; i < slow; i++)
        {
            slowSum += src[i];
            if (i >= slow - fast)
            {
                fastSum += src[i];
            }
        }

        double se = slowSum / slow, fe = fastSum / fast;
        double sigSum = 0, sig = double.NaN;
        int sigCount = 0;
        for (int i = slow - 1; i < n; i++)
        {
            if (i >= slow)
            {
                double x = src[i];
                fe = EmaState.Step(fe, x, kf);
                se = EmaState.Step(se, x, ks);
            }

            double m = fe - se;
            if (sigCount < signal)
            {
                sigSum += m;
                if (++sigCount == signal)
                {
                    sig = sigSum / signal;
                }
            }
            else
            {
                sig = EmaState.Step(sig, m, kg);
            }

            if (sigCount == signal)
            {
                macd[i] = m;
                signalLine[i] = sig;
                hist[i] = m - sig;
            }
        }
    }
}

/// <summary>MACD with fixed 12/26 periods and TA-Lib's fixed k factors 0.15 and 0.075 (TA-Lib MACDFIX).</summary>
public static class MacdFix
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("macdfix", "MACDFIX", IndicatorCategory.Momentum, "MACD fixed 12/26", PriceInputs.None,
            [Meta.Period(9, 1, "signal_period", "Signal EMA period")], ["macd", "signal", "hist"], Meta.TaLib, Meta.Close),
        p => Macd.Lookback(12, 26, Meta.I(p, 0)),
        p => MacdCore.Ema(0, 0, Meta.I(p, 0)));
}

/// <summary>MACD with a selectable MA type for each line (TA-Lib MACDEXT).</summary>
public static class MacdExt
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("macdext", "MACDEXT", IndicatorCategory.Momentum, "MACD with controllable MA types", PriceInputs.None,
            [Meta.Period(12, 2, "fast_period", "Fast MA period"), Meta.MaType("fast_ma_type"), Meta.Period(26, 2, "slow_period", "Slow MA period"),
                Meta.MaType("slow_ma_type"), Meta.Period(9, 1, "signal_period", "Signal MA period"), Meta.MaType("signal_ma_type")],
            ["macd", "signal", "hist"], Meta.TaLib, Meta.Close),
        p => Lookback(p),
        p => Create(p));

    private static int Lookback(ReadOnlySpan<double> p)
    {
        var (fast, fastType, slow, slowType) = Ordered(p);
        return Math.Max(MaBlock.LookbackOf(fastType, fast), MaBlock.LookbackOf(slowType, slow)) + MaBlock.LookbackOf((MaType)Meta.I(p, 5), Meta.I(p, 4));
    }

    private static MacdCore Create(ReadOnlySpan<double> p)
    {
        var (fast, fastType, slow, slowType) = Ordered(p);
        return new MacdCore(MaBlock.Create(fastType, fast), MaBlock.Create(slowType, slow), MaBlock.Create(p[5], Meta.I(p, 4)));
    }

    private static (int Fast, MaType FastType, int Slow, MaType SlowType) Ordered(ReadOnlySpan<double> p)
    {
        int fast = Meta.I(p, 0), slow = Meta.I(p, 2);
        var ft = (MaType)Meta.I(p, 1);
        var st = (MaType)Meta.I(p, 3);
        // TA-Lib swaps the periods (and their types) when slow < fast.
        return slow < fast ? (slow, st, fast, ft) : (fast, ft, slow, st);
    }
}
