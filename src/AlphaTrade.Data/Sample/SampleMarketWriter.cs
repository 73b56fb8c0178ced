using AlphaTrade.Core.Time;
using AlphaTrade.Core.IO;

namespace AlphaTrade.Data.Sample;

/// <summary>
/// Writes a <see cref="SampleMarket"/> as vendor files: <c>{dir}/{SYMBOL}_{timeframe}.csv</c> for every symbol and the
/// benchmark (see <see cref="VendorCsvWriter"/>), plus <c>{dir}/_ground_truth.json</c>. Every file is written
/// atomically; files are written in parallel, each byte-identical whatever the scheduling.
/// </summary>
public static class SampleMarketWriter
{
    /// <summary>Name of the ground-truth file written beside the CSVs.</summary>
    public const string GroundTruthFileName = "_ground_truth.json";

    /// <summary>The vendor file name of <paramref name="symbol"/> at <paramref name="timeFrame"/>, e.g. "AAPL_15min.csv".</summary>
    public static string FileName(string symbol, TimeFrame timeFrame)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        return symbol + "_" + timeFrame.ToString() + ".csv";
    }

    /// <summary>
    /// Writes every delivered series of <paramref name="market"/> and its ground truth into <paramref name="directory"/>
    /// (created when missing) and returns the written paths: CSVs in symbol order, then the ground truth.
    /// </summary>
    public static IReadOnlyList<string> Write(SampleMarket market, string directory, int? maxDegreeOfParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        var series = market.Series;
        var paths = new string[series.Count + 1];
        for (int i = 0; i < series.Count; i++)
        {
            paths[i] = Path.Combine(directory, FileName(series[i].Symbol, series[i].TimeFrame));
        }

        paths[^1] = Path.Combine(directory, GroundTruthFileName);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount };
        Parallel.For(0, series.Count, parallel, i => VendorCsvWriter.WriteFile(series[i], paths[i], market.Calendar));
        WriteGroundTruth(market, paths[^1]);
        return paths;
    }

    /// <summary>Writes only the ground truth JSON of <paramref name="market"/> to <paramref name="path"/> (atomically).</summary>
    public static void WriteGroundTruth(SampleMarket market, string path)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.Write(path, stream => GroundTruthJson.Write(stream, market));
    }
}
