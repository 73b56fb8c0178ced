using AlphaTrade.Core.Calendar;
using AlphaTrade.Data.Sample;
using BenchmarkDotNet.Attributes;

namespace AlphaTrade.Benchmarks;

/// <summary>The default sample market: 46 stocks + SPY, two years of 15-minute bars (~610k bars), with faults.</summary>
[MemoryDiagnoser]
public class SampleMarketBenchmarks
{
    private readonly SampleMarketGenerator _generator = new(NyseCalendar.Instance);
    private readonly SampleMarketOptions _options = new() { Seed = 42, Faults = true };
    private SampleMarket _market = null!;
    private string _dir = null!;

    /// <summary>Generates once for the write-only benchmark and makes a scratch folder.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _market = _generator.Generate(_options);
        _dir = Path.Combine(Path.GetTempPath(), "alphatrade-sample-bench-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Removes the scratch folder.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    /// <summary>Generation only, in memory.</summary>
    [Benchmark]
    public SampleMarket Generate() => _generator.Generate(_options);

    /// <summary>Writing the 47 CSVs and the ground truth of an already generated market.</summary>
    [Benchmark]
    public IReadOnlyList<string> Write() => SampleMarketWriter.Write(_market, _dir);

    /// <summary>What `alphatrade data generate` does: generate, then write.</summary>
    [Benchmark]
    public IReadOnlyList<string> GenerateAndWrite() => SampleMarketWriter.Write(_generator.Generate(_options), _dir);
}
