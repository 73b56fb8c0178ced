using AlphaTrade.Core.Market;

namespace AlphaTrade.Data.Sample;

/// <summary>
/// Turns a log-price path into OHLCV bars. Open and close are the path's (rounded to cents; a bar opens at the
/// previous bar's close inside a session). High and low are drawn from the exact marginal law of the maximum and
/// minimum of a Brownian bridge from open to close with the bar's variance v:
/// max = (o + c + √((c − o)² − 2v·ln U))/2, min = (o + c − √((c − o)² − 2v·ln U′))/2.
/// Volume = ADV · day factor · U-shape share · lognormal noise · activity(|r|/σ) · jump boost, in whole shares.
/// </summary>
internal static class BarSynthesizer
{
    private const double MeanAbsShock = 0.75;

    /// <summary>Fills <paramref name="series"/> (empty, capacity at least the grid's bars) from <paramref name="path"/>.</summary>
    public static void Fill(BarSeries series, SessionGrid grid, SymbolPath path, double averageDailyVolume, SampleModel model, SampleRandom rng)
    {
        int n = grid.Bars;
        series.EnsureCapacity(n);
        var cols = series.Columns;
        var time = cols.Time;
        var open = cols.Open;
        var high = cols.High;
        var low = cols.Low;
        var close = cols.Close;
        var volume = cols.Volume;
        grid.Times.AsSpan().CopyTo(time);
        cols.Flags[..n].Clear();
        double dayNoise = model.DailyVolumeNoise;
        double barNoise = model.BarVolumeNoise;
        double dayNoiseMean = -0.5 * dayNoise * dayNoise;
        double barNoiseMean = -0.5 * barNoise * barNoise;
        for (int d = 0; d < grid.Days; d++)
        {
            var p = grid.Profiles[d];
            int start = grid.DayStart[d];
            int end = grid.DayStart[d + 1];
            double dayVar = path.GapVariance[d];
            for (int g = start; g < end; g++)
            {
                dayVar += path.Variance[g];
            }

            double volRatio = Math.Sqrt(dayVar / (path.UnconditionalDailyVariance * p.DayVarianceWeight));
            double dayFactor = averageDailyVolume
                * Math.Exp(dayNoiseMean + (dayNoise * rng.Normal()))
                * Math.Pow(volRatio, model.VolumeVolElasticity)
                * (1.0 + (5.0 * path.DayJumpAbs[d]));
            var shares = p.VolumeWeights;
            for (int g = start, k = 0; g < end; g++, k++)
            {
                double o = path.LogOpen[g];
                double c = path.LogClose[g];
                double v = path.Variance[g];
                double diff = c - o;
                double d2 = diff * diff;
                double hi = 0.5 * (o + c + Math.Sqrt(d2 - (2.0 * v * Math.Log(rng.NextDoubleNonZero()))));
                double lo = 0.5 * (o + c - Math.Sqrt(d2 - (2.0 * v * Math.Log(rng.NextDoubleNonZero()))));
                double po = Cents(Math.Exp(o));
                double pc = Cents(Math.Exp(c));
                open[g] = po;
                close[g] = pc;
                high[g] = Math.Max(Cents(Math.Exp(hi)), Math.Max(po, pc));
                low[g] = Math.Min(Math.Max(Cents(Math.Exp(lo)), 0.01), Math.Min(po, pc));
                double activity = v > 0 ? Math.Min(Math.Abs(diff) / Math.Sqrt(v), 8.0) : MeanAbsShock;
                double vol = dayFactor * shares[k]
                    * Math.Exp(barNoiseMean + (barNoise * rng.Normal()))
                    * (0.45 + (0.55 * activity / MeanAbsShock))
                    * (1.0 + (20.0 * path.JumpAbs[g]));
                volume[g] = Math.Max(1.0, Math.Round(vol));
            }
        }

        series.SetCount(n);
    }

    /// <summary>Rounds a price to cents, never below one cent.</summary>
    public static double Cents(double price) => Math.Max(0.01, Math.Round(price * 100.0, MidpointRounding.AwayFromZero) / 100.0);
}
