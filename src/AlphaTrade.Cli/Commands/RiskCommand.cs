using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AlphaTrade.Core;
using AlphaTrade.Risk;

namespace AlphaTrade.Cli.Commands;

/// <summary>
/// <c>alphatrade risk var --returns R.csv [--weights W.csv] [--method historical|gaussian|cornish-fisher|monte-carlo|all]
/// [--confidence 0.95,0.99] [--paths N] [--seed S] [--json]</c>: VaR and expected shortfall of each return column, or of
/// a weighted portfolio with its component VaR per position.
/// </summary>
internal static class RiskCommand
{
    private static readonly (string Name, VarMethod Method)[] Methods =
    [
        ("historical", VarMethod.Historical), ("gaussian", VarMethod.Gaussian), ("cornish-fisher", VarMethod.CornishFisher), ("monte-carlo", VarMethod.MonteCarlo),
    ];

    public static Command Create(CliContext ctx)
    {
        var cmd = new Command("risk", "Risk measures of return series and portfolios.");
        cmd.Subcommands.Add(CreateVar(ctx));
        return cmd;
    }

    private static Command CreateVar(CliContext ctx)
    {
        var returns = new Option<string>("--returns")
        {
            Description = "Returns CSV: a timestamp column and one column of per-period returns per symbol (or a single column).",
            Required = true,
        };
        var weights = new Option<string?>("--weights") { Description = "Portfolio weights CSV (symbol,weight): report the portfolio's VaR and each position's component." };
        var method = new Option<string>("--method")
        {
            Description = "historical, gaussian, cornish-fisher, monte-carlo or all.",
            DefaultValueFactory = _ => "all",
        };
        var confidence = new Option<string>("--confidence") { Description = "Confidence levels, comma-separated.", DefaultValueFactory = _ => "0.95,0.99" };
        var paths = new Option<int>("--paths") { Description = "Monte Carlo scenarios.", DefaultValueFactory = _ => MonteCarloSettings.Default.Paths };
        var seed = new Option<ulong>("--seed") { Description = "Monte Carlo seed.", DefaultValueFactory = _ => MonteCarloSettings.Default.Seed };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of tables." };
        var cmd = new Command("var", "Value at risk and expected shortfall (CVaR): historical, Gaussian, Cornish-Fisher and Monte Carlo, in the returns' own units and horizon.")
        {
            returns, weights, method, confidence, paths, seed, json,
        };
        cmd.SetAction(parse =>
        {
            string returnsArg = parse.GetValue(returns)!;
            var table = ReturnsTable.Load(ctx.Resolve(returnsArg), returnsArg);
            var methods = ParseMethods(parse.GetValue(method)!);
            var levels = CliFormat.Confidences(parse.GetValue(confidence)!);
            int nPaths = parse.GetValue(paths);
            if (nPaths < 100 || nPaths > 10_000_000)
            {
                throw new InputException($"--paths: expected 100 to 10000000 scenarios, got {nPaths.ToString(CultureInfo.InvariantCulture)}");
            }

            var mc = new MonteCarloSettings(nPaths, parse.GetValue(seed));
            string? weightsArg = parse.GetValue(weights);
            double[]? w = weightsArg is null ? null : table.LoadWeights(ctx.Resolve(weightsArg), weightsArg);
            if (w is null && table.Symbols.Count > 1)
            {
                ctx.Error.WriteLine($"note: no --weights: each of the {table.Symbols.Count} columns is measured on its own");
            }

            var results = new List<Result>();
            if (w is not null)
            {
                foreach (var m in methods)
                {
                    foreach (var c in levels)
                    {
                        var r = PortfolioRisk.Compute(table.Columns, w, m.Method, c, mc);
                        results.Add(new Result("portfolio", m.Name, c, r.Var, r.CVar, r.Component, r.ComponentCVar));
                    }
                }
            }
            else
            {
                for (int j = 0; j < table.Symbols.Count; j++)
                {
                    foreach (var m in methods)
                    {
                        foreach (var c in levels)
                        {
                            var r = ValueAtRisk.Compute(table.Columns[j], m.Method, c, mc);
                            results.Add(new Result(table.Symbols[j], m.Name, c, r.Var, r.CVar, null, null));
                        }
                    }
                }
            }

            if (parse.GetValue(json))
            {
                ctx.Out.WriteLine(Json(returnsArg, table, w, mc, results));
            }
            else
            {
                ctx.Out.Write(Text(returnsArg, table, w, results, levels[0]));
            }

            return CliApp.ExitOk;
        });
        return cmd;
    }

    private sealed record Result(string Target, string Method, double Confidence, double Var, double CVar, double[]? Component, double[]? ComponentCVar);

    private static (string Name, VarMethod Method)[] ParseMethods(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t == "all")
        {
            return Methods;
        }

        var parts = t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var list = new List<(string, VarMethod)>();
        foreach (var p in parts)
        {
            var m = Methods.FirstOrDefault(x => x.Name == p || x.Name.Replace("-", string.Empty, StringComparison.Ordinal) == p);
            if (m.Name is null)
            {
                throw new InputException($"--method: '{p}' is not a VaR method; expected historical, gaussian, cornish-fisher, monte-carlo or all");
            }

            list.Add(m);
        }

        return list.Count > 0 ? [.. list] : throw new InputException("--method: expected a method name");
    }

    private static string Text(string file, ReturnsTable table, double[]? w, List<Result> results, double componentLevel)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"VaR and expected shortfall (CVaR) per period of {file}: {table.Rows} rows; losses as a share of value").Append('\n');
        if (w is not null)
        {
            sb.Append(inv, $"portfolio of {w.Count(x => x != 0)} positions, weights sum {w.Sum():F4}").Append('\n');
        }

        sb.Append('\n');
        int tw = Math.Max(9, results.Max(r => r.Target.Length));
        sb.Append(inv, $"{"target".PadRight(tw)}  {"method",-15} {"conf",6} {"VaR",10} {"CVaR",10}").Append('\n');
        foreach (var r in results)
        {
            sb.Append(inv, $"{r.Target.PadRight(tw)}  {r.Method,-15} {CliFormat.Pct(r.Confidence, 1),6} {CliFormat.Pct(r.Var),10} {CliFormat.Pct(r.CVar),10}").Append('\n');
        }

        if (w is not null)
        {
            var comps = results.Where(r => r.Confidence == componentLevel).ToList();
            sb.Append('\n').Append(inv, $"component VaR at {CliFormat.Pct(componentLevel, 1)} (sums to the portfolio VaR)").Append('\n');
            int sw = Math.Max(6, table.Symbols.Max(s => s.Length));
            sb.Append("symbol".PadRight(sw)).Append(inv, $" {"weight",9}");
            foreach (var r in comps)
            {
                sb.Append(inv, $" {r.Method,15}");
            }

            sb.Append('\n');
            for (int j = 0; j < table.Symbols.Count; j++)
            {
                if (w[j] == 0)
                {
                    continue;
                }

                sb.Append(table.Symbols[j].PadRight(sw)).Append(inv, $" {CliFormat.Num(w[j], 4),9}");
                foreach (var r in comps)
                {
                    sb.Append(inv, $" {CliFormat.Pct(r.Component![j]),15}");
                }

                sb.Append('\n');
            }
        }

        return sb.ToString();
    }

    private static string Json(string file, ReturnsTable table, double[]? w, MonteCarloSettings mc, List<Result> results)
    {
        using var ms = new MemoryStream();
        using (var j = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
        {
            j.WriteStartObject();
            j.WriteString("returns_file", file);
            j.WriteNumber("rows", table.Rows);
            j.WriteStartArray("symbols");
            foreach (var s in table.Symbols)
            {
                j.WriteStringValue(s);
            }

            j.WriteEndArray();
            if (w is null)
            {
                j.WriteNull("weights");
            }
            else
            {
                j.WriteStartObject("weights");
                for (int i = 0; i < w.Length; i++)
                {
                    j.WriteNumber(table.Symbols[i], w[i]);
                }

                j.WriteEndObject();
            }

            j.WriteStartObject("monte_carlo");
            j.WriteNumber("paths", mc.Paths);
            j.WriteNumber("seed", mc.Seed);
            j.WriteEndObject();
            j.WriteStartArray("results");
            foreach (var r in results)
            {
                j.WriteStartObject();
                j.WriteString("target", r.Target);
                j.WriteString("method", r.Method);
                j.WriteNumber("confidence", r.Confidence);
                j.WriteNumber("var", r.Var);
                j.WriteNumber("cvar", r.CVar);
                if (r.Component is not null)
                {
                    WriteBySymbol(j, "component_var", table, r.Component);
                    WriteBySymbol(j, "component_cvar", table, r.ComponentCVar!);
                }

                j.WriteEndObject();
            }

            j.WriteEndArray();
            j.WriteEndObject();
        }

        return Encoding.UTF8.GetString(ms.ToArray());
    }

    internal static void WriteBySymbol(Utf8JsonWriter j, string name, ReturnsTable table, IReadOnlyList<double> values)
    {
        j.WriteStartObject(name);
        for (int i = 0; i < values.Count; i++)
        {
            j.WriteNumber(table.Symbols[i], values[i]);
        }

        j.WriteEndObject();
    }
}
