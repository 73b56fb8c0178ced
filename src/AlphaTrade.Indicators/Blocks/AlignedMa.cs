namespace AlphaTrade.Indicators.Blocks;

/// <summary>
/// A moving average that starts consuming input only at bar <c>start</c>: TA-Lib computes the fast and slow
/// averages of MACD, MACDEXT, APO and PPO over the same output range, so the shorter one is seeded later, where
/// its own warm-up ends together with the longer one's.
/// </summary>
internal sealed class AlignedMa(MaBlock ma, int start)
{
    private int _bar;

    public double Update(double x)
    {
        if (_bar++ < start)
        {
            return double.NaN;
        }

        return ma.Update(x);
    }

    public void Reset()
    {
        ma.Reset();
        _bar = 0;
    }

    /// <summary>Pairs two MAs so that both first produce a value at the same bar.</summary>
    public static (AlignedMa A, AlignedMa B, int Lookback) Pair(MaBlock a, MaBlock b)
    {
        int total = Math.Max(a.Lookback, b.Lookback);
        return (new AlignedMa(a, total - a.Lookback), new AlignedMa(b, total - b.Lookback), total);
    }
}

/// <summary>An EMA with an explicit k, as an MA block (MACD's fixed 0.15/0.075 factors).</summary>
internal sealed class FixedKEma(int period, double k) : MaBlock
{
    private EmaState _ema = new(period, k);

    public override int Lookback => period - 1;

    public override double Update(double x) => _ema.Update(x);

    public override void Reset() => _ema.Reset();
}
