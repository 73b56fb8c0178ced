using System.Security.Cryptography;
using System.Text;
using AlphaTrade.Data.Storage;
using AlphaTrade.Features.Alternative;

namespace AlphaTrade.Features;

/// <summary>The data half of a matrix's cache key: bars, sectors, benchmark and alternative data.</summary>
public static class FeatureDataKey
{
    /// <summary>16 hex digits identifying every input of a build except the feature set.</summary>
    public static string Of(FeatureUniverse universe, AltDataSet alt)
    {
        ArgumentNullException.ThrowIfNull(universe);
        ArgumentNullException.ThrowIfNull(alt);
        var sb = new StringBuilder();
        sb.Append(DataFingerprint.Of(universe.Series)).Append('|');
        sb.Append(string.Join(",", universe.Series.Select((s, i) => s.Symbol + ":" + universe.Sectors[i]))).Append('|');
        sb.Append(universe.Benchmark is null ? "-" : universe.Benchmark.Symbol + ":" + DataFingerprint.Of(universe.Benchmark)).Append('|');
        sb.Append(alt.Fingerprint);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..16];
    }
}
