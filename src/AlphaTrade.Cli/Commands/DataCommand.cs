using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using AlphaTrade.Configuration;
using AlphaTrade.Core;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Data.Sample;

namespace AlphaTrade.Cli.Commands;

/// <summary><c>alphatrade data</c>: generate, check and resample market data.</summary>
internal static class DataCommand
{
    public static Command Create(CliContext ctx)
    {
        var cmd = new Command("data", "Market data: generate a sample market, check data quality, resample bars.");
        cmd.Subcommands.Add(Generate(ctx));
        return cmd;
    }

    private static Command Generate(CliContext ctx)
    {
        var universe = new Option<string?>("--universe") { Description = "Universe YAML (symbol, name, sector, industry); default config/symbols.yaml." };
        var start = new Option<string?>("--start") { Description = "First date, yyyy-MM-dd (default: sample.start in config/settings.yaml)." };
        var end = new Option<string?>("--end") { Description = "Last date, yyyy-MM-dd (default: sample.end)." };
        var timeframe = new Option<string?>("--timeframe") { Description = "Bar size: 1min, 5min, 15min, 30min, 1h or daily (default: data.timeframe)." };
        var seed = new Option<int?>("--seed") { Description = "Random seed; the same seed gives byte-identical files (default: sample.seed)." };
        var output = new Option<string?>("--out") { Description = "Output folder (default: data.raw_dir, i.e. data/raw)." };
        var faults = new Option<bool>("--faults") { Description = "Plant data faults (duplicates, gaps, spikes, out-of-order rows, bad OHLC, splits...) recorded in the ground truth." };
        var cmd = new Command(
            "generate",
            "Write a deterministic, realistic sample market: one vendor-format CSV per symbol plus the benchmark, and _ground_truth.json " +
            "(regimes, crash, planted pairs, factor loadings, jumps, faults).")
        {
            universe, start, end, timeframe, seed, output, faults,
        };
        cmd.SetAction(parse =>
        {
            var cfg = ctx.Config;
            var uni = parse.GetValue(universe) is { } u ? ConfigLoader.LoadUniverse(ctx.Resolve(u), u) : cfg.Universe;
            var options = new SampleMarketOptions
            {
                Start = CliParse.Date(parse.GetValue(start), "--start") ?? cfg.Settings.Sample.Start,
                End = CliParse.Date(parse.GetValue(end), "--end") ?? cfg.Settings.Sample.End,
                TimeFrame = CliParse.TimeFrame(parse.GetValue(timeframe), "--timeframe") ?? cfg.Settings.Data.TimeFrame,
                Seed = parse.GetValue(seed) ?? cfg.Settings.Sample.Seed,
                Universe = uni.Symbols.Select(s => new SampleSymbol(s.Symbol, s.Sector)).ToList(),
                Benchmark = uni.Benchmark,
                Faults = parse.GetValue(faults),
            };
            if (options.End < options.Start)
            {
                throw new InputException($"--end {options.End:yyyy-MM-dd} is before --start {options.Start:yyyy-MM-dd}");
            }

            var outDir = ctx.Resolve(parse.GetValue(output) ?? cfg.Settings.Data.RawDir);
            var sw = Stopwatch.StartNew();
            var market = new SampleMarketGenerator(NyseCalendar.Instance).Generate(options);
            var paths = SampleMarketWriter.Write(market, outDir);
            long bars = market.Series.Sum(s => (long)s.Count);
            ctx.Out.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Generated {market.Series.Count} symbols ({uni.Symbols.Count} + benchmark {uni.Benchmark}), {bars:N0} {options.TimeFrame} bars, " +
                $"{options.Start:yyyy-MM-dd} to {options.End:yyyy-MM-dd}, seed {options.Seed}{(options.Faults ? ", with planted faults" : string.Empty)}, in {sw.Elapsed.TotalSeconds:F2} s"));
            ctx.Out.WriteLine($"Wrote {paths.Count - 1} CSV files and {SampleMarketWriter.GroundTruthFileName} to {ctx.Display(outDir)}");
            return CliApp.ExitOk;
        });
        return cmd;
    }
}
