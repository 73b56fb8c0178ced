using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AlphaTrade.Core;
using AlphaTrade.Risk;
using AlphaTrade.Risk.Optimization;

namespace AlphaTrade.Cli.Commands;

/// <summary>
/// <c>alphatrade portfolio optimize --returns R.csv --method NAME [--views views.yaml] [--json]</c> with constraint options:
/// optimal weights from annualised expected returns and covariance of the returns file.
/// </summary>
internal static class PortfolioCommand
{
    private static readonly (string Name, OptimizationMethod Method)[] Methods =
    [
        ("min-variance", OptimizationMethod.MinVariance), ("max-sharpe", OptimizationMethod.MaxSharpe), ("mean-variance", OptimizationMethod.MeanVariance),
        ("target-return", OptimizationMethod.TargetReturn), ("max-diversification", OptimizationMethod.MaxDiversification),
        ("risk-parity", OptimizationMethod.RiskParity), ("hrp", OptimizationMethod.HierarchicalRiskParity), ("black-litterman", OptimizationMethod.BlackLitterman),
    ];

    public static Command Create(CliContext ctx)
    {
        var cmd = new Command("portfolio", "Portfolio construction.");
        cmd.Subcommands.Add(CreateOptimize(ctx));
        return cmd;
    }

    private static Command CreateOptimize(CliContext ctx)
    {
        var returns = new Option<string>("--returns") { Description = "Returns CSV: a timestamp column and one column of per-bar returns per symbol.", Required = true };
        var method = new Option<string>("--method")
        {
            Description = "min-variance, max-sharpe, mean-variance, target-return, max-diversification, risk-parity, hrp or black-litterman.",
            Required = true,
        };
        var views = new Option<string?>("--views") { Description = "Black-Litterman views YAML (views, optional market_weights, tau, risk_aversion)." };
        var cov = new Option<string>("--cov") { Description = "Covariance estimator: sample, ewma or ledoit-wolf.", DefaultValueFactory = _ => "sample" };
        var timeframe = new Option<string?>("--timeframe") { Description = "Bar size of the returns for annualisation (default: data.timeframe of the configuration, else 15min)." };
        var riskFree = new Option<double>("--risk-free") { Description = "Annual risk-free rate (max-sharpe, reported Sharpe).", DefaultValueFactory = _ => 0.0 };
        var riskAversion = new Option<double>("--risk-aversion") { Description = "Risk aversion δ (mean-variance, Black-Litterman).", DefaultValueFactory = _ => BlackLitterman.DefaultRiskAversion };
        var target = new Option<double?>("--target-return") { Description = "Annual target return (target-return)." };
        var minWeight = new Option<double>("--min-weight") { Description = "Lower bound of every weight (negative allows shorts).", DefaultValueFactory = _ => 0.0 };
        var maxWeight = new Option<double>("--max-weight") { Description = "Upper bound of every weight.", DefaultValueFactory = _ => 1.0 };
        var maxSector = new Option<string?>("--max-sector")
        {
            Description = "Sector caps (sectors from config/symbols.yaml): one number caps every sector, e.g. 0.3; or per sector, e.g. \"Energy=0.2,Health Care=0.5\".",
        };
        var current = new Option<string?>("--current") { Description = "Current weights CSV (symbol,weight) for --max-turnover." };
        var maxTurnover = new Option<double?>("--max-turnover") { Description = "Limit on Σ|w − current|." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var cmd = new Command("optimize", "Optimal portfolio weights (long-only by default, fully invested) from a returns file.")
        {
            returns, method, views, cov, timeframe, riskFree, riskAversion, target, minWeight, maxWeight, maxSector, current, maxTurnover, json,
        };
        cmd.SetAction(parse =>
        {
            string returnsArg = parse.GetValue(returns)!;
            var m = ParseMethod(parse.GetValue(method)!);
            var config = CliFormat.TryLoadConfig(ctx);
            var tf = CliFormat.TimeFrameOf(parse.GetValue(timeframe), config);
            var table = ReturnsTable.Load(ctx.Resolve(returnsArg), returnsArg);
            if (table.Rows <= table.Symbols.Count && m != OptimizationMethod.HierarchicalRiskParity)
            {
                ctx.Error.WriteLine($"warning: {table.Rows} rows for {table.Symbols.Count} symbols: the sample covariance is singular; consider --cov ledoit-wolf");
            }

            var estimator = parse.GetValue(cov)!.Trim().ToLowerInvariant() switch
            {
                "sample" => CovarianceMethod.Sample,
                "ewma" => CovarianceMethod.Ewma,
                "ledoit-wolf" or "ledoitwolf" => CovarianceMethod.LedoitWolf,
                var other => throw new InputException($"--cov: '{other}' is not an estimator; expected sample, ewma or ledoit-wolf"),
            };
            double ppy = Annualization.PeriodsPerYear(tf);
            var sigma = Covariance.Scale(Covariance.Estimate(table.Columns, estimator), ppy);
            var mu = Covariance.Means(table.Columns).Select(x => x * ppy).ToArray();
            var constraints = Constraints(ctx, parse, table, config, minWeight, maxWeight, maxSector, current, maxTurnover);
            double rf = parse.GetValue(riskFree);
            double delta = parse.GetValue(riskAversion);
            if (!(delta > 0))
            {
                throw new InputException("--risk-aversion: expected a positive number such as 2.5");
            }

            string? viewsArg = parse.GetValue(views);
            if (m == OptimizationMethod.BlackLitterman && viewsArg is null)
            {
                throw new InputException("--views: black-litterman needs a views file (see docs/risk.md)");
            }

            if (m != OptimizationMethod.BlackLitterman && viewsArg is not null)
            {
                throw new InputException("--views: only the black-litterman method takes views");
            }

            if (m == OptimizationMethod.TargetReturn && parse.GetValue(target) is null)
            {
                throw new InputException("--target-return: the target-return method needs an annual target, e.g. 0.12");
            }

            OptimizationResult result;
            BlackLittermanResult? bl = null;
            double[]? marketWeights = null;
            try
            {
                if (m == OptimizationMethod.BlackLitterman)
                {
                    var vf = ViewsFile.Load(ctx.Resolve(viewsArg!), table.Symbols, viewsArg);
                    marketWeights = vf.MarketWeights ?? [.. Enumerable.Repeat(1.0 / table.Symbols.Count, table.Symbols.Count)];
                    if (vf.MarketWeights is null)
                    {
                        ctx.Error.WriteLine("note: no market_weights in the views file: the prior uses equal weights");
                    }

                    double d = vf.RiskAversion ?? delta;
                    bl = BlackLitterman.Compute(sigma, marketWeights, vf.Views, d, vf.Tau ?? BlackLitterman.DefaultTau);
                    result = PortfolioOptimizer.MeanVariance(bl.PosteriorReturns, sigma, d, constraints, OptimizationMethod.BlackLitterman);
                }
                else
                {
                    if (m == OptimizationMethod.RiskParity || m == OptimizationMethod.HierarchicalRiskParity)
                    {
                        if (!constraints.IsPlainLongOnly(table.Symbols.Count))
                        {
                            throw new InputException($"--method {parse.GetValue(method)}: takes no weight bounds, sector caps or turnover limit (it is long-only by construction)");
                        }
                    }

                    result = PortfolioOptimizer.Optimize(m, mu, sigma, new OptimizerSettings(constraints, rf, delta, parse.GetValue(target)));
                }
            }
            catch (ArgumentException ex)
            {
                throw new InputException(ex.Message, ex);
            }
            catch (InvalidOperationException ex)
            {
                // The solver fails on constraints the options made infeasible (caps, bounds, turnover): the user's to fix.
                throw new InputException($"--method {parse.GetValue(method)}: no solution: {ex.Message}; loosen --max-sector, --min-weight/--max-weight or --max-turnover", ex);
            }

            result = OptimizationResult.Describe(result.Method, result.Weights, bl?.PosteriorReturns ?? mu, sigma, rf);
            var text = parse.GetValue(json)
                ? Json(returnsArg, parse.GetValue(method)!, tf, estimator, table, result, mu, bl, marketWeights)
                : Text(returnsArg, parse.GetValue(method)!, tf, estimator, table, result, mu, bl);
            ctx.Out.Write(text);
            return CliApp.ExitOk;
        });
        return cmd;
    }

    private static PortfolioConstraints Constraints(CliContext ctx, ParseResult parse, ReturnsTable table, Configuration.AlphaTradeConfig? config,
        Option<double> minWeight, Option<double> maxWeight, Option<string?> maxSector, Option<string?> current, Option<double?> maxTurnover)
    {
        var c = new PortfolioConstraints { MinWeight = parse.GetValue(minWeight), MaxWeight = parse.GetValue(maxWeight) };
        if (c.MinWeight > c.MaxWeight || c.MinWeight * table.Symbols.Count > 1 + 1e-12 || c.MaxWeight * table.Symbols.Count < 1 - 1e-12)
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture,
                $"--min-weight/--max-weight: {table.Symbols.Count} weights in [{c.MinWeight}, {c.MaxWeight}] cannot sum to one"));
        }

        if (parse.GetValue(maxSector) is { } capText)
        {
            var sectors = table.Symbols.Select(s => config is not null && config.Universe.TryGet(s.ToUpperInvariant(), out var info) ? info.Sector : Unclassified).ToArray();
            if (config is null)
            {
                ctx.Error.WriteLine("note: no configuration found: every symbol is unclassified, so --max-sector caps their total");
            }

            c = c with { Sectors = sectors, SectorCaps = SectorCaps(capText, sectors) };
        }

        var to = parse.GetValue(maxTurnover);
        var currentArg = parse.GetValue(current);
        if (to is not null != currentArg is not null)
        {
            throw new InputException("--max-turnover and --current go together: the limit is measured against the current weights");
        }

        if (to is { } t)
        {
            if (!(t >= 0))
            {
                throw new InputException("--max-turnover: expected a non-negative number such as 0.2");
            }

            c = c with { CurrentWeights = table.LoadWeights(ctx.Resolve(currentArg!), currentArg), MaxTurnover = t };
        }

        return c;
    }

    private const string Unclassified = "(unclassified)";

    /// <summary>"0.3" caps every sector; "Energy=0.2,Health Care=0.5" caps the sectors named (case-insensitive).</summary>
    internal static Dictionary<string, double> SectorCaps(string text, IReadOnlyList<string> sectors)
    {
        var known = sectors.Distinct(StringComparer.Ordinal).ToList();
        var caps = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!text.Contains('=', StringComparison.Ordinal))
        {
            double all = Cap(text.Trim());
            foreach (var s in known)
            {
                caps[s] = all;
            }

            return caps;
        }

        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new InputException($"--max-sector: '{part}' is not SECTOR=CAP; expected e.g. \"Energy=0.2,Health Care=0.5\" or one number");
            }

            var name = part[..eq].Trim();
            var sector = known.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new InputException($"--max-sector: no symbol of the returns file is in sector '{name}'; sectors present: {string.Join(", ", known)}");
            if (!caps.TryAdd(sector, Cap(part[(eq + 1)..].Trim())))
            {
                throw new InputException($"--max-sector: sector '{sector}' is capped twice");
            }
        }

        return caps;
    }

    private static double Cap(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var cap) && cap > 0 && cap <= 1
            ? cap
            : throw new InputException($"--max-sector: '{text}' is not a share of the portfolio; expected a number in (0, 1], e.g. 0.3");

    private static OptimizationMethod ParseMethod(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        var m = Methods.FirstOrDefault(x => x.Name == t);
        return m.Name is not null ? m.Method
            : throw new InputException($"--method: '{text}' is not a method; expected {string.Join(", ", Methods.Select(x => x.Name))}");
    }

    private static string Text(string file, string method, Core.Time.TimeFrame tf, CovarianceMethod cov, ReturnsTable table, OptimizationResult r, double[] mu, BlackLittermanResult? bl)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"{method} portfolio of {table.Symbols.Count} symbols from {file} ({table.Rows} rows of {tf} returns, {ConfigurationName(cov)} covariance, annualised × {Annualization.PeriodsPerYear(tf)})").Append('\n');
        sb.Append(inv, $"expected return {CliFormat.Pct(r.ExpectedReturn, 2)}  volatility {CliFormat.Pct(r.Volatility, 2)}  Sharpe {CliFormat.Num(r.Sharpe, 3)}  diversification ratio {CliFormat.Num(r.DiversificationRatio, 3)}").Append('\n').Append('\n');
        int sw = Math.Max(6, table.Symbols.Max(s => s.Length));
        sb.Append("symbol".PadRight(sw)).Append(inv, $" {"weight",9} {"risk share",10} {(bl is null ? "exp. return" : "hist. mean"),11}");
        if (bl is not null)
        {
            sb.Append(inv, $" {"prior",9} {"posterior",9}");
        }

        sb.Append('\n');
        for (int i = 0; i < table.Symbols.Count; i++)
        {
            sb.Append(table.Symbols[i].PadRight(sw)).Append(inv, $" {CliFormat.Pct(r.Weights[i], 2),9} {CliFormat.Pct(r.RiskContributions[i], 2),10} {CliFormat.Pct(mu[i], 2),11}");
            if (bl is not null)
            {
                sb.Append(inv, $" {CliFormat.Pct(bl.Prior[i], 2),9} {CliFormat.Pct(bl.PosteriorReturns[i], 2),9}");
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static string Json(string file, string method, Core.Time.TimeFrame tf, CovarianceMethod cov, ReturnsTable table, OptimizationResult r, double[] mu,
        BlackLittermanResult? bl, double[]? marketWeights)
    {
        using var ms = new MemoryStream();
        using (var j = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
        {
            j.WriteStartObject();
            j.WriteString("returns_file", file);
            j.WriteString("method", method);
            j.WriteString("timeframe", tf.ToString());
            j.WriteString("covariance", ConfigurationName(cov));
            j.WriteNumber("periods_per_year", Annualization.PeriodsPerYear(tf));
            j.WriteNumber("rows", table.Rows);
            RiskCommand.WriteBySymbol(j, "weights", table, r.Weights);
            RiskCommand.WriteBySymbol(j, "risk_contributions", table, r.RiskContributions);
            RiskCommand.WriteBySymbol(j, "expected_returns", table, mu);
            WriteOrNull(j, "expected_return", r.ExpectedReturn);
            j.WriteNumber("volatility", r.Volatility);
            WriteOrNull(j, "sharpe", r.Sharpe);
            WriteOrNull(j, "diversification_ratio", r.DiversificationRatio);
            if (bl is not null)
            {
                j.WriteStartObject("black_litterman");
                RiskCommand.WriteBySymbol(j, "market_weights", table, marketWeights!);
                RiskCommand.WriteBySymbol(j, "prior_returns", table, bl.Prior);
                RiskCommand.WriteBySymbol(j, "posterior_returns", table, bl.PosteriorReturns);
                RiskCommand.WriteBySymbol(j, "unconstrained_weights", table, bl.Weights);
                j.WriteStartArray("omega");
                foreach (var o in bl.Omega)
                {
                    j.WriteNumberValue(o);
                }

                j.WriteEndArray();
                j.WriteEndObject();
            }

            j.WriteEndObject();
        }

        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }

    private static string ConfigurationName(CovarianceMethod m) => m switch
    {
        CovarianceMethod.Ewma => "ewma",
        CovarianceMethod.LedoitWolf => "ledoit-wolf",
        _ => "sample",
    };

    private static void WriteOrNull(Utf8JsonWriter j, string name, double v)
    {
        if (double.IsFinite(v))
        {
            j.WriteNumber(name, v);
        }
        else
        {
            j.WriteNull(name);
        }
    }
}
