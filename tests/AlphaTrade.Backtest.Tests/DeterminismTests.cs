using AlphaTrade.Backtest.Reference;
using AlphaTrade.Backtest.Results;
using AlphaTrade.Backtest.Venue;
using AlphaTrade.Engine.Costs;
using AlphaTrade.Engine.Results;
using AlphaTrade.Testing;
using static AlphaTrade.Backtest.Tests.TestMarket;

namespace AlphaTrade.Backtest.Tests;

/// <summary>The same inputs and seed give byte-identical results.</summary>
public sealed class DeterminismTests
{
    private static RunResult Run()
    {
        var starts = BarStarts(new DateOnly(2024, 5, 1), 10);
        var bars = Enumerable.Range(0, 5).Select(i => RandomWalk("D" + i, starts, 500 + i, 30 + (15 * i))).ToList();
        return Backtester.Run(new BacktestSpec
        {
            Bars = bars,
            Calendar = Cal,
            Strategies =
            [
                new SmaCrossoverStrategy(new SmaCrossoverParameters { FastPeriod = 4, SlowPeriod = 12, AllowShort = true }),
                new HistoryProbe(),
            ],
            Costs = CostOptions.Default with { Slippage = SlippageKind.HalfSpread },
            Venue = new VenueOptions { ParticipationCap = 0.05, TouchFillProbability = 0.5, Seed = 11 },
        });
    }

    private static RunConfig Config(RunResult r) => new()
    {
        RunId = "determinism",
        Strategy = "sma_crossover+probe",
        Seed = 11,
        Account = "reg_t",
        TimeFrame = "15min",
        Calendar = "NYSE",
        Symbols = r.Symbols.Symbols,
        InitialCapital = r.InitialCapital,
    };

    [Fact]
    public void RunTwice_SameSeed_IdenticalLogHashAndFiles()
    {
        var a = Run();
        var b = Run();
        Assert.True(a.Fills.Count > 20);
        Assert.Equal(ResultsFormat.LogHash(a), ResultsFormat.LogHash(b));
        Assert.True(a.Equity.Equity.SequenceEqual(b.Equity.Equity));

        using var dirA = new TempDir();
        using var dirB = new TempDir();
        string pa = ResultsWriter.Write(a, Config(a), dirA.Path);
        string pb = ResultsWriter.Write(b, Config(b), dirB.Path);
        foreach (var file in new[] { "config.yaml", "equity.csv", "orders.csv", "fills.csv", "trades.csv", "positions.csv" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(pa, file)), File.ReadAllBytes(Path.Combine(pb, file)));
        }
    }
}
