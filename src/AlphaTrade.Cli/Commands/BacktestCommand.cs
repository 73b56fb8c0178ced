using System.CommandLine;
using System.Globalization;
using AlphaTrade.Analytics.Reporting;
using AlphaTrade.Cli.Backtesting;
using AlphaTrade.Configuration;

namespace AlphaTrade.Cli.Commands;

/// <summary>
/// <c>alphatrade backtest [--strategy NAME | --config FILE] [--start] [--end] [--capital] [--engine event|vectorized] [--no-risk] [--out DIR]</c>:
/// runs a strategy over the configured universe and writes results/&lt;run-id&gt;/ with its records, metrics and tearsheet.
/// </summary>
internal static class BacktestCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static Command Create(CliContext ctx)
    {
        var strategy = new Option<string?>("--strategy")
        {
            Description = "Strategy to run: a name under strategies in config/settings.yaml (default: backtest.default_strategy).",
        };
        var config = new Option<string?>("--config")
        {
            Description = "Run file (YAML): strategy, engine, capital, period, symbols, costs, venue. A run's results/<run-id>/config.yaml " +
                          "reproduces that run (its data fingerprints are checked). Keys it leaves out come from config/settings.yaml.",
        };
        var start = new Option<string?>("--start") { Description = "First session, yyyy-MM-dd (default: backtest.start, else the first bar)." };
        var end = new Option<string?>("--end") { Description = "Last session, yyyy-MM-dd (default: backtest.end, else the last bar)." };
        var capital = new Option<string?>("--capital") { Description = "Starting cash in USD (default: backtest.initial_capital)." };
        var engine = new Option<string?>("--engine")
        {
            Description = "event (default: every order type, participation cap, partial fills) or vectorized (target-weight strategies; for sweeps).",
        };
        var noRisk = new Option<bool>("--no-risk")
        {
            Description = "Research only: run without the risk layer (config/risk_params.yaml is not applied and no risk_events.csv is written). " +
                          "By default every order of the event engine passes the pre-trade checks, and drawdown, daily loss and circuit breaker act on equity.",
        };
        var output = new Option<string?>("--out") { Description = "Results folder; the run goes to DIR/<run-id>/ (default: backtest.results_dir, i.e. results)." };
        var cmd = new Command(
            "backtest",
            "Backtest a strategy over the configured universe (the sample market when data/raw holds no data) and write results/<run-id>/: " +
            "config.yaml, equity.csv, orders.csv, fills.csv, trades.csv, positions.csv, benchmark.csv, universe_closes.csv, risk_events.csv, metrics.json, " +
            "report.html and attribution_brinson.csv. Every order passes the risk layer of config/risk_params.yaml unless --no-risk is given.")
        {
            strategy, config, start, end, capital, engine, noRisk, output,
        };
        cmd.SetAction((parse, cancellationToken) =>
        {
            var plan = BacktestPlan.Resolve(ctx, new BacktestArguments(
                parse.GetValue(strategy), parse.GetValue(config), parse.GetValue(start), parse.GetValue(end),
                parse.GetValue(capital), parse.GetValue(engine), parse.GetValue(output), parse.GetValue(noRisk)));
            var outcome = new BacktestRunner(ctx, plan).Execute(cancellationToken);
            Summary(ctx, plan, outcome);
            return Task.FromResult(CliApp.ExitOk);
        });
        return cmd;
    }

    private static string Money(decimal x) => (x < 0 ? "-$" : "$") + Math.Abs(x).ToString("#,##0.00", C);

    private static void Summary(CliContext ctx, BacktestPlan plan, BacktestOutcome o)
    {
        var r = o.Result;
        var w = ctx.Out;
        string engine = plan.Engine == BacktestEngineKind.Vectorized ? "vectorized" : "event-driven";
        double secs = Math.Max(o.EngineTime.TotalSeconds, 1e-9);
        w.WriteLine(string.Create(C,
            $"Backtest {plan.Strategy.Name} ({engine} engine): {r.Symbols.Count} symbols, {o.BarCount:N0} bars in {o.EngineTime.TotalSeconds:F2} s ({o.BarCount / secs / 1e6:F1}M bars/s)"));
        w.WriteLine(string.Create(C,
            $"{Fmt.Int(r.Orders.Count)} orders, {Fmt.Int(r.Fills.Count)} fills, {Fmt.Int(r.Trades.Count)} round trips ({Fmt.Int(r.OpenTrades.Count)} open at the end), {Fmt.Int(r.MarginCalls.Count)} margin calls"));
        w.WriteLine(o.RiskLine);
        w.WriteLine();

        var rows = new List<IReadOnlyList<string>>();
        if (o.Report?.Report is { } report)
        {
            var p = report.Performance;
            rows.Add(["Period", $"{Fmt.Time(p.Start)} to {Fmt.Time(p.End)} UTC ({Fmt.Num(p.Years)} years)"]);
            rows.Add(["Total return", Fmt.Pct(p.TotalReturn)]);
            rows.Add(["CAGR", Fmt.Pct(p.Cagr)]);
            rows.Add(["Volatility (annual)", Fmt.Pct(p.AnnualVolatility)]);
            rows.Add(["Sharpe", Fmt.Num(p.Sharpe)]);
            rows.Add(["Sortino", Fmt.Num(p.Sortino)]);
            rows.Add(["Max drawdown", Fmt.Pct(p.MaxDrawdown)]);
            if (report.Benchmark is { } b)
            {
                rows.Add([$"Benchmark {plan.Benchmark} return", Fmt.Pct(b.BenchmarkTotalReturn)]);
                rows.Add(["Beta / alpha", $"{Fmt.Num(b.Beta)} / {Fmt.Pct(b.Alpha)}"]);
            }

            if (report.Trades is { Count: > 0 } t)
            {
                rows.Add(["Win rate", Fmt.Pct(t.WinRate, 1)]);
                rows.Add(["Profit factor", Fmt.Num(t.ProfitFactor)]);
            }
        }

        var pnl = r.TotalPnl;
        rows.Add(["Commission + fees", Money(pnl.Commission + pnl.Fees)]);
        rows.Add(["Borrow fees / interest", $"{Money(pnl.BorrowFees)} / {Money(pnl.Interest)}"]);
        rows.Add(["Net P&L", Money(pnl.NetPnl)]);
        rows.Add(["Final equity", Money(r.FinalEquity)]);
        TextTable.Write(w, ["metric", "value"], rows);
        w.WriteLine();
        w.WriteLine($"Results: {ctx.Display(o.Folder)}");
        if (o.Report is not null)
        {
            w.WriteLine($"Report: {ctx.Display(Path.Combine(o.Folder, RunReportWriter.TearsheetFileName))}");
        }
    }
}
