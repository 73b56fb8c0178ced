namespace AlphaTrade.Data.Sample;

/// <summary>
/// One return component (market, sector or idiosyncratic) on the bar grid: log increments of each day's opening
/// gap and of each bar, with their conditional variances. Simulated as a daily GARCH(1,1) whose day innovation is
/// spread over the gap and the bars by the intraday variance profile, each piece a unit-variance Student-t draw.
/// </summary>
internal sealed class ComponentPath
{
    private ComponentPath(int days, int bars)
    {
        Gap = new double[days];
        GapVariance = new double[days];
        Bar = new double[bars];
        BarVariance = new double[bars];
    }

    /// <summary>Log increment from the previous close to each day's open.</summary>
    public double[] Gap { get; }

    /// <summary>Conditional variance of each gap.</summary>
    public double[] GapVariance { get; }

    /// <summary>Log increment from each bar's open to its close.</summary>
    public double[] Bar { get; }

    /// <summary>Conditional variance of each bar's increment.</summary>
    public double[] BarVariance { get; }

    /// <summary>
    /// Simulates the component. With h_d the GARCH variance of day d and w the profile weights:
    /// gap = μ_d·w_on + m_d·√(h_d·w_on)·z, bar_k = μ_d·w_k + m_d·√(h_d·w_k)·z_k, and
    /// h_{d+1} = ω + α·ε_d²/W_d + β·h_d where ε_d is the day's summed innovation and W_d the day's weight.
    /// </summary>
    /// <param name="grid">Bar grid.</param>
    /// <param name="dailyVol">Unconditional daily sd (sets ω).</param>
    /// <param name="garch">α and β (its DailyVol is ignored in favour of <paramref name="dailyVol"/>).</param>
    /// <param name="nu">Student-t degrees of freedom.</param>
    /// <param name="rng">The component's own stream.</param>
    /// <param name="volMultiplier">Per-day multiplier m_d on the shocks (not fed back into the GARCH), or null for 1.</param>
    /// <param name="dailyDrift">Per-day drift μ_d of a full day, or null to use <paramref name="constantDrift"/>.</param>
    /// <param name="constantDrift">Drift per full day when <paramref name="dailyDrift"/> is null.</param>
    public static ComponentPath Simulate(SessionGrid grid, double dailyVol, SampleGarchSpec garch, double nu, SampleRandom rng,
        double[]? volMultiplier, double[]? dailyDrift, double constantDrift)
    {
        var path = new ComponentPath(grid.Days, grid.Bars);
        double uncond = dailyVol * dailyVol;
        double omega = uncond * (1.0 - garch.Alpha - garch.Beta);
        double h = uncond;
        for (int d = 0; d < grid.Days; d++)
        {
            var p = grid.Profiles[d];
            double m = volMultiplier?[d] ?? 1.0;
            double mu = dailyDrift?[d] ?? constantDrift;
            double e = Math.Sqrt(h * p.OvernightWeight) * rng.StudentT(nu);
            double eps = e;
            path.Gap[d] = (mu * p.OvernightWeight) + (m * e);
            path.GapVariance[d] = m * m * h * p.OvernightWeight;
            int g = grid.DayStart[d];
            var w = p.VarianceWeights;
            for (int k = 0; k < w.Length; k++, g++)
            {
                e = Math.Sqrt(h * w[k]) * rng.StudentT(nu);
                eps += e;
                path.Bar[g] = (mu * w[k]) + (m * e);
                path.BarVariance[g] = m * m * h * w[k];
            }

            h = omega + (garch.Alpha * eps * eps / p.DayVarianceWeight) + (garch.Beta * h);
        }

        return path;
    }
}
