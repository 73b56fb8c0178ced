using System.Globalization;
using System.Runtime.InteropServices;
using AlphaTrade.Core.Market;

namespace AlphaTrade.Data.Storage;

/// <summary>
/// Stable content hashes of bar data for reproducibility records: 16 lower-case hex digits of XXH64 over the
/// symbol, bar size, bar count and every column's bytes (little-endian doubles and ticks, as stored). Equal data
/// gives equal fingerprints on every run and machine; any changed bit changes it.
/// </summary>
public static class DataFingerprint
{
    private const string Tag = "alphatrade-bars-v1";

    /// <summary>The fingerprint of one series.</summary>
    public static string Of(BarSeries series) => ToHex(Hash(series));

    /// <summary>The fingerprint of a universe: the series' fingerprints in symbol order (ordinal), then bar size.</summary>
    public static string Of(IEnumerable<BarSeries> universe)
    {
        ArgumentNullException.ThrowIfNull(universe);
        return Of(universe.Select(s => (s, Hash(s))));
    }

    /// <summary>
    /// The fingerprint of a universe from each series' <see cref="HashOf"/> computed before (a loader that hashes each
    /// series as it reads it): the same text as <see cref="Of(IEnumerable{BarSeries})"/>.
    /// </summary>
    public static string Of(IEnumerable<(BarSeries Series, ulong Hash)> universe)
    {
        ArgumentNullException.ThrowIfNull(universe);
        var series = new List<BarSeries>();
        var hashes = new List<ulong>();
        foreach (var (s, hash) in universe)
        {
            series.Add(s);
            hashes.Add(hash);
        }

        // Symbol (ordinal), then bar size, then input order (a stable sort), over indices: sorting the tuples themselves
        // would be compiled at run time in every command.
        var order = new int[series.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            int c = string.CompareOrdinal(series[a].Symbol, series[b].Symbol);
            c = c != 0 ? c : series[a].TimeFrame.CompareTo(series[b].TimeFrame);
            return c != 0 ? c : a.CompareTo(b);
        });
        var h = new XxHash64();
        h.Append(Tag + "/universe");
        foreach (int i in order)
        {
            h.Append(series[i].Symbol);
            h.Append((long)hashes[i]);
        }

        return ToHex(h.GetCurrentHash());
    }

    /// <summary>The 64-bit content hash of one series (its fingerprint is this in hex; see <see cref="ToText"/>).</summary>
    public static ulong HashOf(BarSeries series) => Hash(series);

    /// <summary>A hash from <see cref="HashOf"/> as fingerprint text.</summary>
    public static string ToText(ulong hash) => ToHex(hash);

    private static ulong Hash(BarSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var h = new XxHash64();
        h.Append(Tag);
        h.Append(series.Symbol);
        h.Append(series.TimeFrame.Minutes);
        h.Append(series.Count);
        h.Append(MemoryMarshal.AsBytes(series.Time));
        h.Append(MemoryMarshal.AsBytes(series.Open));
        h.Append(MemoryMarshal.AsBytes(series.High));
        h.Append(MemoryMarshal.AsBytes(series.Low));
        h.Append(MemoryMarshal.AsBytes(series.Close));
        h.Append(MemoryMarshal.AsBytes(series.Volume));
        h.Append(series.HasVwap ? 1 : 0);
        h.Append(MemoryMarshal.AsBytes(series.Vwap));
        h.Append(series.HasTradeCount ? 1 : 0);
        h.Append(MemoryMarshal.AsBytes(series.TradeCount));
        h.Append(MemoryMarshal.AsBytes(series.Flags));
        return h.GetCurrentHash();
    }

    private static string ToHex(ulong hash) => hash.ToString("x16", CultureInfo.InvariantCulture);
}
