using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using AlphaTrade.Configuration;
using AlphaTrade.Core;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Data.Loading;
using AlphaTrade.Data.Quality;
using AlphaTrade.Data.Resampling;
using AlphaTrade.Data.Sample;
using AlphaTrade.Data.Universe;

namespace AlphaTrade.Cli.Commands;

/// <summary><c>alphatrade data</c>: generate, check and resample market data.</summary>
internal static class DataCommand
{
    public static Command Create(CliContext ctx)
    {
        var cmd = new Command("data", "Market data: generate a sample market, check data quality, resample bars.");
        cmd.Subcommands.Add(Generate(ctx));
        cmd.Subcommands.Add(Check(ctx));
        cmd.Subcommands.Add(Resample(ctx));
        return cmd;
    }

    private static Command Check(CliContext ctx)
    {
        var path = new Argument<string?>("PATH")
        {
            Description = "A folder, glob (data/raw/*_15min.csv) or file of bars; default data.raw_dir, or the sample market when that holds no data.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var report = new Option<string?>("--report") { Description = "Where to write the JSON report (default data/processed/quality.json)." };
        var cmd = new Command(
            "check",
            "Check data quality per symbol: duplicates, order, off-session bars, OHLC consistency, invalid values, missing bars against the " +
            "NYSE calendar, bad ticks vs real jumps, suspected unadjusted splits, stale runs; a 0-100 score with its components.")
        {
            path, report,
        };
        cmd.SetAction(parse =>
        {
            var cfg = ctx.Config;
            string source;
            if (parse.GetValue(path) is { } p)
            {
                source = ctx.Resolve(p);
            }
            else
            {
                var request = MarketDataFactory.Request(ctx);
                var wanted = request.Symbols.Select(s => s.Symbol).Append(request.Benchmark).ToList();
                source = request.RawDirectory;
                if (MarketDataService.FindFiles(request.RawDirectory, wanted, request.TimeFrame).Count == 0)
                {
                    source = new MarketDataService(NyseCalendar.Instance).EnsureSampleMarket(request, out _);
                    ctx.Notice($"No data for the universe in {ctx.Display(request.RawDirectory)}: checking the generated sample market in {ctx.Display(source)}.");
                }
            }

            var sw = Stopwatch.StartNew();
            var loaded = BarLoader.LoadMany(source, new BarLoadOptions { File = MarketDataFactory.FileOptions(cfg.Settings.Data) });
            var options = MarketDataFactory.CleanerOptions(cfg.Settings.Data);
            var cleaned = new BarCleaner(NyseCalendar.Instance, options).CleanAll(loaded.Select(l => l.Series));
            var reports = cleaned.Reports;
            TextTable.Write(ctx.Out, QualityTableRow.Headers, reports.Select(r => QualityTableRow.From(r).ToCells()));
            foreach (var l in loaded.Where(l => l.RowsSkipped > 0))
            {
                ctx.Notice(string.Create(CultureInfo.InvariantCulture, $"{l.Symbol}: {l.RowsSkipped} malformed rows skipped, e.g. {l.SkippedRowMessages.FirstOrDefault()}"));
            }

            var s = cleaned.Summary;
            string reportPath = ctx.Resolve(parse.GetValue(report) ?? Path.Combine(cfg.Settings.Data.ProcessedDir, "quality.json"));
            QualityReportWriter.Write(reportPath, reports, options, NyseCalendar.Instance.Name);
            ctx.Out.WriteLine();
            ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{reports.Count} symbols, {loaded.Sum(l => l.Series.Count):N0} rows checked in {sw.Elapsed.TotalSeconds:F2} s. {SummaryLine(s)}"));
            ctx.Out.WriteLine($"Report: {ctx.Display(reportPath)}");
            return CliApp.ExitOk;
        });
        return cmd;
    }

    private static string SummaryLine(DataQualitySummary s) =>
        string.Create(CultureInfo.InvariantCulture, $"Mean score {s.MeanScore:F1}, lowest {s.MinScore:F1} ({s.WorstSymbol ?? "-"}).");

    private static Command Resample(CliContext ctx)
    {
        var input = new Option<string>("--input") { Description = "A folder, glob or file of bars to resample.", Required = true };
        var to = new Option<string>("--to") { Description = "Target bar size: 15min, 30min, 1h or daily (a whole multiple of the source).", Required = true };
        var output = new Option<string?>("--out") { Description = "Output folder (default data/processed/resampled_<size>); never the input folder." };
        var cmd = new Command(
            "resample",
            "Clean bars and resample them to a coarser size aligned to the NYSE session: buckets start at 09:30, no bar crosses the close or an " +
            "early close, daily = one bar per session. Writes vendor-format CSVs.")
        {
            input, to, output,
        };
        cmd.SetAction(parse =>
        {
            var cfg = ctx.Config;
            var target = CliParse.TimeFrame(parse.GetValue(to), "--to")!.Value;
            string source = ctx.Resolve(parse.GetValue(input)!);
            string outDir = ctx.Resolve(parse.GetValue(output) ?? Path.Combine(cfg.Settings.Data.ProcessedDir, "resampled_" + target));
            var sw = Stopwatch.StartNew();
            var loaded = BarLoader.LoadMany(source, new BarLoadOptions { File = MarketDataFactory.FileOptions(cfg.Settings.Data) });
            if (loaded.Any(l => string.Equals(Path.GetFullPath(Path.GetDirectoryName(l.SourcePath)!), Path.GetFullPath(outDir), StringComparison.Ordinal)))
            {
                throw new InputException($"--out {ctx.Display(outDir)} is the input folder; choose another folder (input files are never overwritten)");
            }

            var cleaner = new BarCleaner(NyseCalendar.Instance, MarketDataFactory.CleanerOptions(cfg.Settings.Data));
            var resampler = new BarResampler(NyseCalendar.Instance);
            long inBars = 0, outBars = 0;
            foreach (var l in loaded)
            {
                BarResampler.CheckFrames(l.Series.TimeFrame, target);
                var bars = resampler.Resample(cleaner.Clean(l.Series).Series, target);
                VendorCsvWriter.WriteFile(bars, Path.Combine(outDir, SampleMarketWriter.FileName(bars.Symbol, target)), NyseCalendar.Instance);
                inBars += l.Series.Count;
                outBars += bars.Count;
            }

            ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Resampled {loaded.Count} symbols: {inBars:N0} bars -> {outBars:N0} {target} bars in {sw.Elapsed.TotalSeconds:F2} s; wrote {ctx.Display(outDir)}"));
            return CliApp.ExitOk;
        });
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
