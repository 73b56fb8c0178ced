using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using AlphaTrade.Core;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Data.Loading;
using AlphaTrade.Data.Quality;
using AlphaTrade.Indicators;

namespace AlphaTrade.Cli.Commands;

/// <summary>
/// <c>alphatrade indicators --list [--json]</c> and
/// <c>alphatrade indicators --input BARS --output OUT.csv [--only a,b] [--params name:k=v,...] [--clean]</c>:
/// the indicator catalogue, and every selected indicator computed over one bar file into a CSV.
/// </summary>
internal static class IndicatorsCommand
{
    public static Command Create(CliContext ctx)
    {
        var list = new Option<bool>("--list") { Description = "List every indicator: parameters and defaults, outputs, warm-up, category, TA-Lib name." };
        var json = new Option<bool>("--json") { Description = "With --list: print JSON, including one entry per output column (indicator, TA-Lib name, parameters, output index)." };
        var input = new Option<string?>("--input") { Description = "Bar file to read (any format the loader reads: CSV, gzip CSV, Parquet)." };
        var output = new Option<string?>("--output") { Description = "CSV to write: the input's timestamp (New York time with offset) plus one column per indicator output." };
        var only = new Option<string?>("--only") { Description = "Comma-separated indicator names to compute or list (default: all), e.g. sma,rsi,macd." };
        var parameters = new Option<string?>("--params")
        {
            Description = "Parameter overrides, name:key=value items separated by commas; a bare key=value applies to the last named indicator, " +
                "e.g. sma:period=20,rsi:period=7,bbands:period=20,nbdev_up=2.5.",
        };
        var clean = new Option<bool>("--clean")
        {
            Description = "Clean the bars first (sort, drop duplicates and off-session bars, as configured for data check) instead of " +
                "requiring strictly increasing timestamps.",
        };
        var cmd = new Command(
            "indicators",
            "Technical indicators (TA-Lib-exact where TA-Lib defines them). Columns are named <name>[_<output>]_<parameters>, e.g. sma_30, " +
            "macd_signal_12_26_9, bbands_upper_5_2_2, stoch_slowk_5_3_3, cdl_engulfing; warm-up cells and cells of invalid bars are empty. " +
            "MAVP, which needs a series of periods, is not computed from a bar file.")
        {
            list, json, input, output, only, parameters, clean,
        };
        cmd.SetAction(parse =>
        {
            var selection = ParseSelection(parse.GetValue(only), parse.GetValue(parameters));
            string? inPath = parse.GetValue(input);
            string? outPath = parse.GetValue(output);
            if (parse.GetValue(list))
            {
                if (inPath is not null || outPath is not null)
                {
                    throw new InputException("--list does not take --input or --output; run them separately");
                }

                var defs = selection.Definitions();
                var written = defs.Where(FromBars).ToArray();
                if (parse.GetValue(json))
                {
                    ctx.Out.Write(IndicatorListing.ToJson(defs, written, selection));
                }
                else
                {
                    IndicatorListing.WriteTable(ctx.Out, defs, written, selection);
                }

                return CliApp.ExitOk;
            }

            if (parse.GetValue(json))
            {
                throw new InputException("--json applies to --list only; the computed indicators go to the --output CSV");
            }

            if (inPath is null || outPath is null)
            {
                throw new InputException("expected --list, or --input BARS --output OUT.csv; see 'alphatrade indicators --help'");
            }

            Compute(ctx, selection, inPath, outPath, parse.GetValue(clean));
            return CliApp.ExitOk;
        });
        return cmd;
    }

    private static void Compute(CliContext ctx, IndicatorSelection selection, string inPath, string outPath, bool clean)
    {
        var defs = Computable(selection);
        var sw = Stopwatch.StartNew();
        string source = ctx.Resolve(inPath);
        string target = ctx.Resolve(outPath);
        if (string.Equals(Path.GetFullPath(source), Path.GetFullPath(target), StringComparison.Ordinal))
        {
            throw new InputException($"--output {outPath} is the input file; choose another path (input files are never overwritten)");
        }

        var settings = ctx.Config.Settings.Data;
        var loaded = BarFileReader.Read(source, MarketDataFactory.FileOptions(settings));
        foreach (var message in loaded.SkippedRowMessages)
        {
            ctx.Notice("skipped " + message);
        }

        var bars = loaded.Series;
        if (clean)
        {
            bars = new BarCleaner(NyseCalendar.Instance, MarketDataFactory.CleanerOptions(settings)).Clean(bars).Series;
        }
        else
        {
            RequireIncreasingTimes(bars, inPath);
        }

        if (bars.Count == 0)
        {
            throw new InputException($"{inPath}: no bars to compute indicators on");
        }

        var columns = IndicatorTable.Compute(bars, selection);
        IndicatorCsvWriter.WriteFile(target, bars.Time, columns, NyseCalendar.Instance);
        ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{defs.Count} indicators, {columns.Count} columns over {bars.Count:N0} bars of {bars.Symbol} in {sw.Elapsed.TotalSeconds:F2} s; wrote {ctx.Display(target)}"));
    }

    /// <summary>The selection's definitions that a bar file can feed (MAVP needs a caller-supplied series of periods).</summary>
    private static IReadOnlyList<IndicatorDefinition> Computable(IndicatorSelection selection)
    {
        var defs = selection.Definitions();
        if (selection.Only is not null && defs.FirstOrDefault(d => !FromBars(d)) is { } needsExtra)
        {
            throw new InputException(
                $"--only {needsExtra.Info.Name}: it reads a caller-supplied series (periods) that a bar file does not have; use the library API for it");
        }

        return defs.Where(FromBars).ToArray();
    }

    private static bool FromBars(IndicatorDefinition d) => (d.Info.Inputs & PriceInputs.Extra) == 0;

    private static IndicatorSelection ParseSelection(string? only, string? parameters)
    {
        try
        {
            return IndicatorSelection.Parse(only, parameters);
        }
        catch (ArgumentException ex)
        {
            // The library's messages are written for users; drop the framework's "(Parameter '...')" suffix.
            string message = ex.ParamName is null ? ex.Message : ex.Message.Replace($" (Parameter '{ex.ParamName}')", string.Empty, StringComparison.Ordinal);
            throw new InputException(message.TrimEnd('.'));
        }
    }

    private static void RequireIncreasingTimes(BarSeries bars, string display)
    {
        var time = bars.Time;
        for (int i = 1; i < time.Length; i++)
        {
            if (time[i] <= time[i - 1])
            {
                var at = NyseCalendar.Instance.ToExchangeTime(new DateTime(time[i], DateTimeKind.Utc));
                var before = NyseCalendar.Instance.ToExchangeTime(new DateTime(time[i - 1], DateTimeKind.Utc));
                string what = time[i] == time[i - 1] ? "repeats" : "is before";
                throw new InputException(string.Create(CultureInfo.InvariantCulture,
                    $"{display}: bar {i + 1} ({at:yyyy-MM-dd HH:mm}) {what} bar {i} ({before:yyyy-MM-dd HH:mm}); expected strictly increasing timestamps (add --clean to sort and deduplicate)"));
            }
        }
    }
}
