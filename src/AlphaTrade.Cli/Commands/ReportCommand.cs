using System.CommandLine;
using System.Text;
using AlphaTrade.Analytics.Reporting;
using AlphaTrade.Cli.Backtesting;
using AlphaTrade.Configuration;
using AtomicFile = AlphaTrade.Core.IO.AtomicFile;

namespace AlphaTrade.Cli.Commands;

/// <summary><c>alphatrade report RESULTS_DIR</c>: rebuilds a run's metrics.json and report.html from its files.</summary>
internal static class ReportCommand
{
    public static Command Create(CliContext ctx)
    {
        var folder = new Argument<string>("RESULTS_DIR") { Description = "A run's results folder, e.g. results/sma_crossover-1a2b3c4d5e6f." };
        var cmd = new Command(
            "report",
            "Rebuild report.html (and metrics.json) of a backtest from its results folder: config.yaml, equity.csv, trades.csv, " +
            "positions.csv, benchmark.csv and universe_closes.csv (which also gives attribution_brinson.csv). The same files always give the same bytes.")
        {
            folder,
        };
        cmd.SetAction(parse =>
        {
            string arg = parse.GetValue(folder)!;
            string dir = ctx.Resolve(arg);
            var texts = RunTexts.Read(dir, ctx.Display);
            var record = ConfigLoader.ParseRunFile(texts.ConfigYaml, Path.Combine(arg, RunTexts.ConfigFile), ctx.Config.Settings);
            var report = RunReportBuilder.Build(texts, record, record.RunId ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(dir)), ctx.Config.Risk.MaxSectorPct);
            var utf8 = new UTF8Encoding(false);
            AtomicFile.Write(Path.Combine(dir, RunReportWriter.MetricsFileName), utf8.GetBytes(report.MetricsJson));
            string html = Path.Combine(dir, RunReportWriter.TearsheetFileName);
            AtomicFile.Write(html, utf8.GetBytes(report.Html));
            if (report.BrinsonCsv is { } brinson)
            {
                AtomicFile.Write(Path.Combine(dir, RunReport.BrinsonFile), utf8.GetBytes(brinson));
            }

            ctx.Out.WriteLine($"Report: {ctx.Display(html)} (and {RunReportWriter.MetricsFileName})");
            return CliApp.ExitOk;
        });
        return cmd;
    }
}
