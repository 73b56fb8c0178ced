using System.Globalization;
using AlphaTrade.Models.Data;

namespace AlphaTrade.Models.Deep;

/// <summary>
/// Turns a panel dataset into one of sequence windows: each row becomes the feature vectors of the last
/// <c>length</c> rows of its symbol, oldest first, ending at (and including) the row itself, so every row of the
/// result uses only rows at or before its own time (no look-ahead). Rows with fewer than <c>length - 1</c> earlier rows
/// of their symbol are dropped. Labels, times, label end times and forward returns are the ending row's, so the
/// splitters purge and embargo exactly as for the flat dataset. Columns are named <c>feature@t-k</c>.
/// </summary>
public static class SequenceWindows
{
    /// <summary>The column names of windows of <paramref name="length"/> steps over <paramref name="features"/>.</summary>
    public static string[] Names(IReadOnlyList<string> features, int length)
    {
        ArgumentNullException.ThrowIfNull(features);
        var names = new string[features.Count * length];
        for (var step = 0; step < length; step++)
        {
            var lag = (length - 1 - step).ToString(CultureInfo.InvariantCulture);
            for (var f = 0; f < features.Count; f++)
            {
                names[(step * features.Count) + f] = features[f] + "@t-" + lag;
            }
        }

        return names;
    }

    /// <summary>The windowed dataset (see the type's summary).</summary>
    public static Dataset Window(Dataset data, int length)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        var f = data.FeatureCount;
        var history = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var rows = new List<(int Row, int[] Window)>();
        for (var r = 0; r < data.RowCount; r++)
        {
            if (!history.TryGetValue(data.Symbols[r], out var h))
            {
                history[data.Symbols[r]] = h = [];
            }

            h.Add(r);
            if (h.Count >= length)
            {
                rows.Add((r, h.GetRange(h.Count - length, length).ToArray()));
            }
        }

        var width = f * length;
        var values = new float[(long)rows.Count * width];
        for (var i = 0; i < rows.Count; i++)
        {
            var window = rows[i].Window;
            for (var step = 0; step < length; step++)
            {
                data.Row(window[step]).CopyTo(values.AsSpan((i * width) + (step * f), f));
            }
        }

        var kept = rows.Select(x => x.Row).ToArray();
        return new Dataset(values, width, kept.Select(r => data.Labels[r]).ToArray(), kept.Select(r => data.Timestamps[r]).ToArray(),
            kept.Select(r => data.LabelEndTimes[r]).ToArray(), kept.Select(r => data.Symbols[r]).ToArray(), Names(data.FeatureNames, length))
        {
            ForwardReturns = data.ForwardReturns is { } fwd ? kept.Select(r => fwd[r]).ToArray() : null,
        };
    }
}
