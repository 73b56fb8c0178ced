namespace AlphaTrade.Data.Quality;

/// <summary>
/// Collapses rows sharing a timestamp to one. Runs on time-sorted rows, where a stable sort left each group's
/// rows in file order, so "first" and "last" mean first and last in the file.
/// </summary>
internal static class DuplicateResolver
{
    public static DuplicateReport Apply(CleaningWorkspace ws, DuplicateKeepPolicy policy, int maxExamples)
    {
        int groups = 0, exactRows = 0, conflictingRows = 0;
        List<DuplicateExample>? examples = null;
        var time = ws.Time;
        int i = 0;
        while (i < ws.Count)
        {
            int end = i + 1;
            while (end < ws.Count && time[end] == time[i])
            {
                end++;
            }

            int rows = end - i;
            if (rows > 1)
            {
                groups++;
                bool conflicting = false;
                for (int j = i + 1; j < end && !conflicting; j++)
                {
                    conflicting = !SameValues(ws, i, j);
                }

                if (conflicting)
                {
                    conflictingRows += rows - 1;
                }
                else
                {
                    exactRows += rows - 1;
                }

                int keep = policy == DuplicateKeepPolicy.KeepFirst ? i : end - 1;
                for (int j = i; j < end; j++)
                {
                    ws.Keep[j] = j == keep;
                }

                if (groups <= maxExamples)
                {
                    examples ??= [];
                    examples.Add(new DuplicateExample(new DateTime(time[i], DateTimeKind.Utc), rows, conflicting));
                }
            }

            i = end;
        }

        if (groups > 0)
        {
            ws.Compact();
        }

        return new DuplicateReport(groups, exactRows, conflictingRows, examples ?? (IReadOnlyList<DuplicateExample>)[]);
    }

    // Prices and volume decide; optional VWAP/trade-count columns are vendor extras and often recomputed.
    private static bool SameValues(CleaningWorkspace ws, int a, int b) =>
        ws.Open[a] == ws.Open[b] && ws.High[a] == ws.High[b] && ws.Low[a] == ws.Low[b]
        && ws.Close[a] == ws.Close[b] && ws.Volume[a] == ws.Volume[b];
}
