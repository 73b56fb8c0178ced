using AlphaTrade.Core.Market;

namespace AlphaTrade.Data.Quality;

/// <summary>Counts flat zero-volume bars and their runs in a cleaned series (regular, non-filled bars only).</summary>
internal static class StalenessMeter
{
    public static StalenessReport Measure(BarSeries series, int minRun)
    {
        var open = series.Open;
        var high = series.High;
        var low = series.Low;
        var close = series.Close;
        var volume = series.Volume;
        var flags = series.Flags;
        var time = series.Time;
        int flat = 0, runs = 0, longest = 0, run = 0;
        long runStart = 0, longestStart = 0;
        double runPrice = double.NaN;
        for (int i = 0; i < series.Count; i++)
        {
            // Fill bars are flat by construction and extended-hours bars are thin by nature: neither is the feed's fault.
            if ((flags[i] & (BarFlags.Filled | BarFlags.ExtendedHours)) != 0)
            {
                continue;
            }

            double c = close[i];
            bool isFlat = volume[i] == 0 && open[i] == c && high[i] == c && low[i] == c;
            if (!isFlat)
            {
                EndRun(ref run, ref runs, ref longest, ref longestStart, runStart, minRun);
                continue;
            }

            flat++;
            if (run > 0 && c == runPrice)
            {
                run++;
            }
            else
            {
                EndRun(ref run, ref runs, ref longest, ref longestStart, runStart, minRun);
                run = 1;
                runStart = time[i];
                runPrice = c;
            }
        }

        EndRun(ref run, ref runs, ref longest, ref longestStart, runStart, minRun);
        return new StalenessReport(flat, runs, longest, longest > 0 ? new DateTime(longestStart, DateTimeKind.Utc) : null);
    }

    private static void EndRun(ref int run, ref int runs, ref int longest, ref long longestStart, long runStart, int minRun)
    {
        if (run == 0)
        {
            return;
        }

        if (run >= minRun)
        {
            runs++;
        }

        // Strictly longer: on a tie the earliest run is reported.
        if (run > longest)
        {
            longest = run;
            longestStart = runStart;
        }

        run = 0;
    }
}
