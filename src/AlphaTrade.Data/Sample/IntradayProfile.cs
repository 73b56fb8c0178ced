using AlphaTrade.Core.Time;

namespace AlphaTrade.Data.Sample;

/// <summary>
/// The intraday shape of one session length: each bar's share of a full day's variance and volume, from U-shaped
/// densities f(t) = 1 + a·e^(−t/τ) + b·e^(−(L−t)/τ) integrated over the bar (t minutes since the open, L the
/// session length). Shares are normalised on a full 390-minute day, so an early close carries less of both.
/// </summary>
internal sealed class IntradayProfile
{
    private const double FullSessionMinutes = 390.0;

    private IntradayProfile(double[] variance, double[] volume, double[] position, double overnight)
    {
        VarianceWeights = variance;
        VolumeWeights = volume;
        Positions = position;
        OvernightWeight = overnight;
        DayVarianceWeight = overnight + variance.Sum();
    }

    /// <summary>Per bar: share of a full day's variance (a full day's bars sum to 1 − overnight share).</summary>
    public double[] VarianceWeights { get; }

    /// <summary>Per bar: share of a full day's volume (a full day's bars sum to 1).</summary>
    public double[] VolumeWeights { get; }

    /// <summary>Per bar: midpoint as a fraction of the session (0 open, 1 close).</summary>
    public double[] Positions { get; }

    /// <summary>Share of a full day's variance in the opening gap.</summary>
    public double OvernightWeight { get; }

    /// <summary>Overnight plus every bar's variance share: 1 on a full day, less on an early close.</summary>
    public double DayVarianceWeight { get; }

    /// <summary>Number of bars.</summary>
    public int BarCount => VarianceWeights.Length;

    /// <summary>Builds the profile of a session of <paramref name="sessionMinutes"/> minutes.</summary>
    public static IntradayProfile Create(double sessionMinutes, TimeFrame timeFrame, SampleModel model)
    {
        double step = timeFrame.IsDaily ? sessionMinutes : timeFrame.Minutes;
        int n = timeFrame.IsDaily ? 1 : (int)Math.Ceiling((sessionMinutes / step) - 1e-9);
        var variance = new double[n];
        var volume = new double[n];
        var position = new double[n];
        double varNorm = Integral(0, FullSessionMinutes, FullSessionMinutes, model.OpenVolBoost, model.CloseVolBoost, model.VolShapeMinutes);
        double volNorm = Integral(0, FullSessionMinutes, FullSessionMinutes, model.OpenVolumeBoost, model.CloseVolumeBoost, model.VolumeShapeMinutes);
        double intradayShare = 1.0 - model.OvernightVarianceShare;
        for (int k = 0; k < n; k++)
        {
            double t0 = k * step;
            double t1 = Math.Min(sessionMinutes, (k + 1) * step);
            variance[k] = intradayShare * Integral(t0, t1, sessionMinutes, model.OpenVolBoost, model.CloseVolBoost, model.VolShapeMinutes) / varNorm;
            volume[k] = Integral(t0, t1, sessionMinutes, model.OpenVolumeBoost, model.CloseVolumeBoost, model.VolumeShapeMinutes) / volNorm;
            position[k] = 0.5 * (t0 + t1) / sessionMinutes;
        }

        return new IntradayProfile(variance, volume, position, model.OvernightVarianceShare);
    }

    /// <summary>∫ from t0 to t1 of 1 + a·e^(−t/τ) + b·e^(−(L−t)/τ) dt.</summary>
    private static double Integral(double t0, double t1, double length, double a, double b, double tau) =>
        (t1 - t0)
        + (a * tau * (Math.Exp(-t0 / tau) - Math.Exp(-t1 / tau)))
        + (b * tau * (Math.Exp(-(length - t1) / tau) - Math.Exp(-(length - t0) / tau)));
}
