using AlphaTrade.Analytics.Inputs;

namespace AlphaTrade.Analytics.Metrics;

/// <summary>Average exposure of one sector.</summary>
/// <param name="Sector">Sector name.</param>
/// <param name="AverageNet">Mean net weight.</param>
/// <param name="AverageGross">Mean gross weight.</param>
/// <param name="MaxGross">Largest gross weight.</param>
public sealed record SectorExposure(string Sector, double AverageNet, double AverageGross, double MaxGross);

/// <summary>
/// Exposure of the book as fractions of equity, averaged over the samples of an <see cref="ExposureSeries"/>
/// (each sample weighs the same). Short exposure is reported as a negative number.
/// </summary>
/// <param name="Samples">Number of samples.</param>
/// <param name="AverageGross">Mean of long − short.</param>
/// <param name="AverageNet">Mean of long + short.</param>
/// <param name="AverageLong">Mean long weight.</param>
/// <param name="AverageShort">Mean short weight (≤ 0).</param>
/// <param name="MaxGross">Largest gross exposure.</param>
/// <param name="MinNet">Smallest net exposure.</param>
/// <param name="MaxNet">Largest net exposure.</param>
/// <param name="TimeInMarket">Share of samples with non-zero gross exposure.</param>
/// <param name="Sectors">Per-sector averages, in the series' sector order.</param>
public sealed record ExposureSummary(
    int Samples,
    double AverageGross,
    double AverageNet,
    double AverageLong,
    double AverageShort,
    double MaxGross,
    double MinNet,
    double MaxNet,
    double TimeInMarket,
    IReadOnlyList<SectorExposure> Sectors)
{
    /// <summary>Summarises <paramref name="series"/>.</summary>
    public static ExposureSummary Compute(ExposureSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        int n = series.Count;
        if (n == 0)
        {
            return new ExposureSummary(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, []);
        }

        var lw = series.Long;
        var sw = series.Short;
        double sumL = 0, sumS = 0, maxGross = double.NegativeInfinity, minNet = double.PositiveInfinity, maxNet = double.NegativeInfinity;
        int inMarket = 0;
        for (int i = 0; i < n; i++)
        {
            sumL += lw[i];
            sumS += sw[i];
            double gross = lw[i] - sw[i];
            double net = lw[i] + sw[i];
            maxGross = Math.Max(maxGross, gross);
            minNet = Math.Min(minNet, net);
            maxNet = Math.Max(maxNet, net);
            if (gross > 0)
            {
                inMarket++;
            }
        }

        var sectors = new List<SectorExposure>(series.Sectors.Count);
        for (int s = 0; s < series.Sectors.Count; s++)
        {
            sectors.Add(new SectorExposure(
                series.Sectors[s],
                ReturnMath.Mean(series.SectorNet(s)),
                ReturnMath.Mean(series.SectorGross(s)),
                ReturnMath.Max(series.SectorGross(s))));
        }

        return new ExposureSummary(n, (sumL - sumS) / n, (sumL + sumS) / n, sumL / n, sumS / n, maxGross, minNet, maxNet, (double)inMarket / n, sectors);
    }
}
