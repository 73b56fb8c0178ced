using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AlphaTrade.Core;
using AlphaTrade.Core.Market;
using AlphaTrade.Data.Loading;
using AlphaTrade.Statistics;

namespace AlphaTrade.Cli.Commands;

/// <summary><c>alphatrade stats</c>: time-series statistics on price files.</summary>
internal static class StatsCommand
{
    public static Command Create(CliContext ctx)
    {
        var cmd = new Command("stats", "Time-series statistics: cointegration tests between price files.");
        cmd.Subcommands.Add(Coint(ctx));
        return cmd;
    }

    private static Command Coint(CliContext ctx)
    {
        var y = new Option<string>("--y") { Description = "Price file of the dependent leg (any format the loader reads).", Required = true };
        var x = new Option<string>("--x") { Description = "Price file of the hedge leg.", Required = true };
        var trend = new Option<string>("--trend") { Description = "Deterministic terms of the cointegrating regression: c (constant) or ct (constant and trend).", DefaultValueFactory = _ => "c" };
        var logPrices = new Option<bool>("--log") { Description = "Test log prices instead of prices." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var cmd = new Command(
            "coint",
            "Engle-Granger cointegration of two price series aligned on common timestamps: hedge ratio, ADF statistic of the spread, " +
            "MacKinnon p-value and critical values, Johansen trace and max-eigenvalue tests, and the spread's half-life.")
        {
            y, x, trend, logPrices, json,
        };
        cmd.SetAction(parse =>
        {
            var options = MarketDataFactory.FileOptions(ctx.Config.Settings.Data);
            var ys = Load(ctx.Resolve(parse.GetValue(y)!), options);
            var xs = Load(ctx.Resolve(parse.GetValue(x)!), options);
            var t = parse.GetValue(trend) switch
            {
                "c" => TrendTerms.Constant,
                "ct" => TrendTerms.ConstantTrend,
                var other => throw new InputException($"--trend: '{other}' is not allowed; expected c or ct"),
            };
            var (a, b, n) = Align(ys, xs);
            if (n < 30)
            {
                throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{ys.Symbol} and {xs.Symbol} share only {n} timestamps; at least 30 are needed"));
            }

            if (parse.GetValue(logPrices))
            {
                for (int i = 0; i < n; i++)
                {
                    a[i] = Math.Log(a[i]);
                    b[i] = Math.Log(b[i]);
                }
            }

            var eg = EngleGranger.Test(a, [b], t);
            var jo = Johansen.Test([a, b], t == TrendTerms.Constant ? 0 : 1, 1);
            var ou = OrnsteinUhlenbeck.HalfLife(eg.Residuals);
            var result = new SortedDictionary<string, object>(StringComparer.Ordinal)
            {
                ["y"] = ys.Symbol,
                ["x"] = xs.Symbol,
                ["observations"] = n,
                ["trend"] = t == TrendTerms.Constant ? "c" : "ct",
                ["log_prices"] = parse.GetValue(logPrices),
                ["hedge_ratio"] = eg.HedgeRatios[0],
                ["intercept"] = eg.Intercept,
                ["adf_statistic"] = eg.Statistic,
                ["adf_lags"] = eg.UsedLag,
                ["p_value"] = eg.PValue,
                ["critical_values"] = new SortedDictionary<string, double>(StringComparer.Ordinal)
                {
                    ["1%"] = eg.Critical.OnePercent, ["5%"] = eg.Critical.FivePercent, ["10%"] = eg.Critical.TenPercent,
                },
                ["half_life_bars"] = ou.HalfLife,
                ["spread_sigma"] = ou.Sigma,
                ["johansen_trace"] = jo.TraceStatistics,
                ["johansen_trace_95"] = jo.TraceCritical.Select(c => c[1]).ToArray(),
                ["johansen_max_eigen"] = jo.MaxEigenStatistics,
                ["johansen_max_eigen_95"] = jo.MaxEigenCritical.Select(c => c[1]).ToArray(),
                ["johansen_rank_95"] = jo.TraceRank(),
            };
            if (parse.GetValue(json))
            {
                ctx.Out.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
                return CliApp.ExitOk;
            }

            var inv = CultureInfo.InvariantCulture;
            var rows = new List<IReadOnlyList<string>>
            {
                new[] { "pair", $"{ys.Symbol} ~ {xs.Symbol}" },
                new[] { "observations", n.ToString(inv) },
                new[] { "hedge ratio", eg.HedgeRatios[0].ToString("G6", inv) },
                new[] { "intercept", eg.Intercept.ToString("G6", inv) },
                new[] { "ADF statistic (spread)", eg.Statistic.ToString("F4", inv) + $" ({eg.UsedLag} lags)" },
                new[] { "p-value (MacKinnon)", eg.PValue.ToString("F4", inv) },
                new[] { "critical 1% / 5% / 10%", string.Join(" / ", new[] { eg.Critical.OnePercent, eg.Critical.FivePercent, eg.Critical.TenPercent }.Select(v => v.ToString("F3", inv))) },
                new[] { "half-life (bars)", double.IsPositiveInfinity(ou.HalfLife) ? "inf (no mean reversion)" : ou.HalfLife.ToString("F1", inv) },
                new[] { "Johansen trace r=0 (95% cv)", $"{jo.TraceStatistics[0].ToString("F3", inv)} ({jo.TraceCritical[0][1].ToString("F3", inv)})" },
                new[] { "Johansen max-eig r=0 (95% cv)", $"{jo.MaxEigenStatistics[0].ToString("F3", inv)} ({jo.MaxEigenCritical[0][1].ToString("F3", inv)})" },
                new[] { "verdict (5%)", eg.PValue < 0.05 ? "cointegrated" : "not cointegrated" },
            };
            TextTable.Write(ctx.Out, ["statistic", "value"], rows);
            return CliApp.ExitOk;
        });
        return cmd;
    }

    private static BarSeries Load(string path, BarFileOptions options) => BarFileReader.Read(path, options).Series;

    // Closes on the timestamps both series have (each assumed sorted; duplicates keep the first).
    private static (double[] Y, double[] X, int N) Align(BarSeries y, BarSeries x)
    {
        var yc = new List<double>(y.Count);
        var xc = new List<double>(y.Count);
        int i = 0, j = 0;
        var ty = y.Time;
        var tx = x.Time;
        while (i < y.Count && j < x.Count)
        {
            if (ty[i] == tx[j])
            {
                yc.Add(y.Close[i]);
                xc.Add(x.Close[j]);
                i++;
                j++;
            }
            else if (ty[i] < tx[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return (yc.ToArray(), xc.ToArray(), yc.Count);
    }
}
