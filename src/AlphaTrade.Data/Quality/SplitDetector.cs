using System.Globalization;
using AlphaTrade.Core.Calendar;

namespace AlphaTrade.Data.Quality;

/// <summary>
/// Finds overnight close→open ratios near a split ratio. A split moves every price at once and for good, so
/// the first bar's close must confirm the ratio too (within twice the tolerance): a bad opening print does not.
/// </summary>
internal static class SplitDetector
{
    /// <summary>Detects suspected splits; adjusts earlier bars when the policy says so.</summary>
    /// <param name="ws">Sorted, session-classified rows.</param>
    /// <param name="sessions">The series' sessions.</param>
    /// <param name="options">Ratios, tolerance, policy.</param>
    /// <param name="boundaries">Receives the row index of each suspected split's first bar, ascending.</param>
    public static IReadOnlyList<SplitSuspicion> Apply(CleaningWorkspace ws, TradingSession[] sessions, BarCleanerOptions options, List<int> boundaries)
    {
        List<SplitSuspicion>? found = null;
        List<double>? nominals = null;
        int prev = -1;
        for (int i = 0; i < ws.Count; i++)
        {
            if (!ws.IsRegular(i))
            {
                continue;
            }

            if (prev >= 0 && ws.Session[i] != ws.Session[prev])
            {
                double observed = ws.Close[prev] / ws.Open[i];
                double confirm = ws.Close[prev] / ws.Close[i];
                double nominal = Match(observed, confirm, options);
                if (nominal > 0)
                {
                    found ??= [];
                    nominals ??= [];
                    boundaries.Add(i);
                    nominals.Add(nominal);
                    bool adjust = options.Splits == SplitPolicy.Adjust;
                    found.Add(new SplitSuspicion(sessions[ws.Session[i]].Date, new DateTime(ws.Time[i], DateTimeKind.Utc),
                        observed, nominal, Label(nominal), adjust));
                }
            }

            prev = i;
        }

        if (found is null)
        {
            return [];
        }

        if (options.Splits == SplitPolicy.Adjust)
        {
            BackAdjust(ws, boundaries, nominals!);
        }

        return found;
    }

    /// <summary>The nominal ratio (forward r or reverse 1/r) that both ratios match, or 0 when none does.</summary>
    private static double Match(double observed, double confirm, BarCleanerOptions options)
    {
        double tol = options.SplitTolerance;
        foreach (double r in options.SplitRatios)
        {
            foreach (double nominal in (ReadOnlySpan<double>)[r, 1 / r])
            {
                if (Math.Abs((observed / nominal) - 1) <= tol && Math.Abs((confirm / nominal) - 1) <= 2 * tol)
                {
                    return nominal;
                }
            }
        }

        return 0;
    }

    /// <summary>
    /// Walks backwards multiplying the running factor by 1/ratio at each split, so bars before several splits get
    /// the product; prices scale by the factor, volumes by its inverse (the traded value is unchanged).
    /// </summary>
    private static void BackAdjust(CleaningWorkspace ws, List<int> boundaries, List<double> nominals)
    {
        double factor = 1;
        int s = boundaries.Count - 1;
        for (int i = ws.Count - 1; i >= 0; i--)
        {
            while (s >= 0 && i < boundaries[s])
            {
                factor /= nominals[s];
                s--;
            }

            if (factor == 1)
            {
                continue;
            }

            ws.Open[i] *= factor;
            ws.High[i] *= factor;
            ws.Low[i] *= factor;
            ws.Close[i] *= factor;
            ws.Volume[i] /= factor;
            if (ws.Vwap is not null)
            {
                ws.Vwap[i] *= factor;
            }
        }
    }

    /// <summary>"2:1", "3:2", "1:10": the smallest integers p:q with p/q equal to the ratio.</summary>
    internal static string Label(double nominal)
    {
        bool reverse = nominal < 1;
        double r = reverse ? 1 / nominal : nominal;
        for (int q = 1; q <= 100; q++)
        {
            double p = Math.Round(r * q);
            if (Math.Abs((p / q) - r) < 1e-9 * r)
            {
                return reverse
                    ? string.Create(CultureInfo.InvariantCulture, $"{q}:{p}")
                    : string.Create(CultureInfo.InvariantCulture, $"{p}:{q}");
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{nominal:G6}:1");
    }
}
