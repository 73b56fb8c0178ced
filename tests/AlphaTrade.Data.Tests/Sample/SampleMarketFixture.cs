using AlphaTrade.Core.Calendar;
using AlphaTrade.Data.Sample;

namespace AlphaTrade.Data.Tests.Sample;

/// <summary>One two-year default-universe market with faults (seed 42), generated once for the statistical tests.</summary>
public sealed class SampleMarketFixture
{
    public SampleMarketFixture()
    {
        Options = new SampleMarketOptions { Seed = 42, Faults = true };
        Market = new SampleMarketGenerator(NyseCalendar.Instance).Generate(Options);
        Sessions = NyseCalendar.Instance.Sessions(Options.Start, Options.End).ToArray();
        DayStarts = SampleStats.DayStarts(Sessions);
    }

    public SampleMarketOptions Options { get; }

    public SampleMarket Market { get; }

    public TradingSession[] Sessions { get; }

    /// <summary>Index of each session's first bar in a clean 15-minute series, plus the total.</summary>
    public int[] DayStarts { get; }

    public double[] DailyReturns(string symbol) => SampleStats.DailyReturns(Market.Clean(symbol), DayStarts);
}

[CollectionDefinition(Name)]
public sealed class SampleMarketCollection : ICollectionFixture<SampleMarketFixture>
{
    public const string Name = "Sample market";
}
