using AlphaTrade.Configuration;
using AlphaTrade.Data.Loading;
using AlphaTrade.Data.Quality;
using AlphaTrade.Data.Sample;
using AlphaTrade.Data.Universe;

namespace AlphaTrade.Cli;

/// <summary>Maps the validated configuration onto the data layer's options (the Data layer knows nothing of YAML).</summary>
internal static class MarketDataFactory
{
    public static BarFileOptions FileOptions(DataSettings d) => BarFileOptions.Default with
    {
        Label = d.TimestampLabel == TimestampLabel.End ? BarLabel.End : BarLabel.Start,
        BadRows = d.BadRows == Configuration.BadRowPolicy.Skip ? Data.Loading.BadRowPolicy.Skip : Data.Loading.BadRowPolicy.Fail,
    };

    public static BarCleanerOptions CleanerOptions(DataSettings d) => BarCleanerOptions.Default with
    {
        Duplicates = d.Duplicates == DuplicatePolicy.KeepFirst ? DuplicateKeepPolicy.KeepFirst : DuplicateKeepPolicy.KeepLast,
        OffSession = d.ExtendedHours == ExtendedHoursPolicy.Keep ? OffSessionPolicy.Keep : OffSessionPolicy.Drop,
        MissingBars = d.MissingBars == MissingBarPolicy.Flat ? MissingBarFillPolicy.Flat : MissingBarFillPolicy.Leave,
        OutlierThreshold = d.OutlierZScore,
    };

    public static MarketDataRequest Request(CliContext ctx, DateOnly? start = null, DateOnly? end = null)
    {
        var cfg = ctx.Config;
        var d = cfg.Settings.Data;
        return new MarketDataRequest
        {
            Symbols = cfg.Universe.Symbols.Select(s => new SampleSymbol(s.Symbol, s.Sector)).ToList(),
            Benchmark = cfg.Universe.Benchmark,
            TimeFrame = d.TimeFrame,
            RawDirectory = ctx.Resolve(d.RawDir),
            ProcessedDirectory = ctx.Resolve(d.ProcessedDir),
            SampleDirectory = ctx.Resolve(d.SampleDir),
            Sample = new SampleMarketOptions { Seed = cfg.Settings.Sample.Seed, Start = cfg.Settings.Sample.Start, End = cfg.Settings.Sample.End },
            File = FileOptions(d),
            Cleaning = CleanerOptions(d),
            UseCache = d.Cache,
            Start = start,
            End = end,
        };
    }
}
