using System.IO.Compression;
using System.Text;
using AlphaTrade.Data.Loading;
using BenchmarkDotNet.Attributes;

namespace AlphaTrade.Benchmarks.Loading;

/// <summary>
/// Single-threaded CSV parsing throughput, per row: 2,000 sessions of 15-minute bars (52,000 rows, about 3 MB)
/// parsed from memory, from a file and from a gzip file. Rows per second = 1e9 / (ns per operation).
/// </summary>
[MemoryDiagnoser]
public class CsvParseBenchmarks
{
    private const int Sessions = 2000;
    private const int Rows = Sessions * SyntheticBarFiles.BarsPerSession;
    private byte[] _csv = [];
    private string _dir = "";
    private string _file = "";
    private string _gzipFile = "";

    [GlobalSetup]
    public void Setup()
    {
        _csv = Encoding.UTF8.GetBytes(SyntheticBarFiles.Csv(Sessions, seed: 42));
        _dir = Path.Combine(Path.GetTempPath(), "alphatrade-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        _file = Path.Combine(_dir, "AAPL_15min.csv");
        File.WriteAllBytes(_file, _csv);
        _gzipFile = Path.Combine(_dir, "AAPL_15min.csv.gz");
        using (var gz = new GZipStream(File.Create(_gzipFile), CompressionLevel.Optimal))
        {
            gz.Write(_csv);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    /// <summary>Parsing alone: bytes already in memory.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Rows)]
    public int ParseFromMemory() => BarFileReader.Read(new MemoryStream(_csv, writable: false), "AAPL_15min.csv").Series.Count;

    /// <summary>Reading and parsing a plain file.</summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public int ParseFile() => BarFileReader.Read(_file).Series.Count;

    /// <summary>Decompressing and parsing a gzip file.</summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public int ParseGzipFile() => BarFileReader.Read(_gzipFile).Series.Count;
}
