using System.Globalization;
using System.Text;
using System.Text.Json;
using static AlphaTrade.Cli.Tests.RiskFixtureRoot;

namespace AlphaTrade.Cli.Tests;

public class PortfolioCommandTests
{
    private static readonly JsonElement Opt = Reference.GetProperty("optimization");

    private static double[] Weights(JsonElement json, string property = "weights") =>
        [.. Symbols.Select(s => json.GetProperty(property).GetProperty(s).GetDouble())];

    private static void AssertWeights(double[] expected, double[] actual, double tol, string what)
    {
        Close(1.0, actual.Sum(), abs: 1e-9, what: what + " sum");
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tol, $"{what}[{Symbols[i]}]: scipy {expected[i]:R}, got {actual[i]:R}");
        }
    }

    private static JsonElement Optimize(RiskFixtureRoot root, params string[] extra)
    {
        var r = root.Run(["portfolio", "optimize", "--returns", root.ReturnsCsv, "--timeframe", "daily", "--json", .. extra]);
        Assert.True(r.Code == 0, r.Err);
        return JsonDocument.Parse(r.Out).RootElement;
    }

    private static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    public static TheoryData<string, string[], string, double> Methods() => new()
    {
        { "min-variance", [], "min_variance", 2e-6 },
        { "max-sharpe", ["--risk-free", "0.02"], "max_sharpe", 1e-5 },
        { "mean-variance", ["--risk-aversion", "3"], "mean_variance_risk_aversion", 2e-6 },
        { "target-return", ["--target-return", Num(Opt.GetProperty("target_return").GetDouble())], "mean_variance_target_return", 2e-6 },
        { "max-diversification", [], "max_diversification", 2e-6 },
        { "risk-parity", [], "risk_parity", 2e-6 },
    };

    [Theory]
    [MemberData(nameof(Methods))]
    public void Optimize_Method_MatchesSlsqpReference(string method, string[] options, string fixture, double tol)
    {
        using var root = new RiskFixtureRoot();
        var json = Optimize(root, ["--method", method, .. options]);
        Assert.Equal(method, json.GetProperty("method").GetString());
        Assert.Equal(252, json.GetProperty("periods_per_year").GetDouble());
        AssertWeights(Doubles(Opt.GetProperty("weights").GetProperty(fixture)), Weights(json), tol, method);
        var mu = Doubles(Reference.GetProperty("opt_mu"));
        for (int i = 0; i < mu.Length; i++)
        {
            Close(mu[i], json.GetProperty("expected_returns").GetProperty(Symbols[i]).GetDouble(), rel: 1e-12, what: "annualised mean");
        }
    }

    [Fact]
    public void Optimize_Hrp_MatchesScipyLinkageAndBisection()
    {
        using var root = new RiskFixtureRoot();
        var json = Optimize(root, "--method", "hrp");
        AssertWeights(Doubles(Reference.GetProperty("hrp").GetProperty("weights")), Weights(json), 1e-12, "hrp");
    }

    [Fact]
    public void Optimize_BoundsAndPerSectorCaps_MatchSlsqpReference()
    {
        using var root = new RiskFixtureRoot();
        var caps = Opt.GetProperty("sector_caps");
        string capText = string.Join(',', new[] { ("Tech", "Information Technology"), ("Energy", "Energy"), ("Health", "Health Care") }
            .Select(s => $"{s.Item2}={Num(caps.GetProperty(s.Item1).GetDouble())}"));
        var bounds = Doubles(Opt.GetProperty("bounds"));
        var json = Optimize(root, "--method", "min-variance", "--min-weight", Num(bounds[0]), "--max-weight", Num(bounds[1]), "--max-sector", capText);
        var w = Weights(json);
        AssertWeights(Doubles(Opt.GetProperty("weights").GetProperty("min_variance_bounded_sectors")), w, 2e-6, "bounded sectors");
        Assert.All(w, x => Assert.InRange(x, bounds[0] - 1e-9, bounds[1] + 1e-9));
        Assert.True(w[..3].Sum() <= 0.30 + 1e-9, "Information Technology cap");
    }

    [Fact]
    public void Optimize_OneSectorCap_CapsEverySector()
    {
        using var root = new RiskFixtureRoot();
        var w = Weights(Optimize(root, "--method", "max-sharpe", "--max-sector", "0.4"));
        var bySector = Enumerable.Range(0, w.Length).GroupBy(SectorOf).ToDictionary(g => g.Key, g => g.Sum(i => w[i]));
        Assert.Equal(3, bySector.Count);
        Assert.All(bySector.Values, s => Assert.True(s <= 0.4 + 1e-9, $"sector weight {s}"));

        // Without the cap, max Sharpe puts more than 40% in one sector: the cap binds.
        var free = Weights(Optimize(root, "--method", "max-sharpe"));
        Assert.Contains(Enumerable.Range(0, free.Length).GroupBy(SectorOf), g => g.Sum(i => free[i]) > 0.4 + 1e-6);
    }

    [Fact]
    public void Optimize_TurnoverLimit_MatchesSlsqpReference()
    {
        using var root = new RiskFixtureRoot();
        var current = Doubles(Opt.GetProperty("current_weights"));
        root.WriteWeights(root.File("current.csv"), current);
        double limit = Opt.GetProperty("turnover").GetDouble();
        var w = Weights(Optimize(root, "--method", "min-variance", "--current", "current.csv", "--max-turnover", Num(limit)));
        AssertWeights(Doubles(Opt.GetProperty("weights").GetProperty("min_variance_turnover")), w, 2e-6, "turnover");
        Assert.True(w.Select((x, i) => Math.Abs(x - current[i])).Sum() <= limit + 1e-8);
    }

    private static string ViewsYaml(bool withConfidence)
    {
        var bl = Reference.GetProperty("black_litterman");
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"tau: {Num(bl.GetProperty("tau").GetDouble())}\nrisk_aversion: {Num(bl.GetProperty("risk_aversion").GetDouble())}\nmarket_weights:\n");
        var mw = Doubles(bl.GetProperty("market_weights"));
        for (int i = 0; i < mw.Length; i++)
        {
            sb.Append(inv, $"  {Symbols[i]}: {Num(mw[i])}\n");
        }

        sb.Append("views:\n");
        var p = bl.GetProperty("P").EnumerateArray().Select(Doubles).ToArray();
        var q = Doubles(bl.GetProperty("Q"));
        var c = Doubles(bl.GetProperty("confidence"));
        for (int k = 0; k < p.Length; k++)
        {
            var picks = Enumerable.Range(0, p[k].Length).Where(i => p[k][i] != 0).Select(i => $"{Symbols[i]}: {Num(p[k][i])}");
            sb.Append(inv, $"  - assets: {{{string.Join(", ", picks)}}}\n    return: {Num(q[k])}\n");
            if (withConfidence)
            {
                sb.Append(inv, $"    confidence: {Num(c[k])}\n");
            }
        }

        return sb.ToString();
    }

    [Theory]
    [InlineData("idzorek", true)]
    [InlineData("he_litterman", false)]
    public void Optimize_BlackLitterman_MatchesNumpyPosteriorAndSlsqpWeights(string fixture, bool withConfidence)
    {
        using var root = new RiskFixtureRoot();
        root.Write("views.yaml", ViewsYaml(withConfidence));
        var json = Optimize(root, "--method", "black-litterman", "--views", "views.yaml");
        var bl = Reference.GetProperty("black_litterman");
        var e = bl.GetProperty(fixture);
        var got = json.GetProperty("black_litterman");
        var prior = Doubles(bl.GetProperty("prior"));
        var posterior = Doubles(e.GetProperty("posterior_returns"));
        var unconstrained = Doubles(e.GetProperty("weights"));
        for (int i = 0; i < Symbols.Length; i++)
        {
            Close(prior[i], got.GetProperty("prior_returns").GetProperty(Symbols[i]).GetDouble(), rel: 1e-10, what: "prior");
            Close(posterior[i], got.GetProperty("posterior_returns").GetProperty(Symbols[i]).GetDouble(), rel: 1e-10, what: "posterior");
            Close(unconstrained[i], got.GetProperty("unconstrained_weights").GetProperty(Symbols[i]).GetDouble(), rel: 1e-8, abs: 1e-10, what: "(δΣ)⁻¹μ");
        }

        Close(Doubles(e.GetProperty("omega"))[0], got.GetProperty("omega")[0].GetDouble(), rel: 1e-10, what: "omega");
        AssertWeights(Doubles(e.GetProperty("long_only_weights")), Weights(json), 2e-6, "long-only Black-Litterman");
    }

    [Fact]
    public void Optimize_Text_PrintsWeightsRiskSharesAndSummary()
    {
        using var root = new RiskFixtureRoot();
        var r = root.Run("portfolio", "optimize", "--returns", root.ReturnsCsv, "--method", "risk-parity", "--timeframe", "daily");
        Assert.Equal(0, r.Code);
        Assert.Contains("risk-parity portfolio of 8 symbols", r.Out, StringComparison.Ordinal);
        Assert.Contains("750 rows of daily returns, sample covariance, annualised × 252", r.Out, StringComparison.Ordinal);
        var w = Doubles(Opt.GetProperty("weights").GetProperty("risk_parity"));
        string pct = (w[0] * 100).ToString("F2", CultureInfo.InvariantCulture) + "%";

        // Equal risk contribution: every risk share is 1/8.
        Assert.Matches($@"\nAAA\s+{pct.Replace(".", @"\.", StringComparison.Ordinal)}\s+12\.50%", r.Out);
        Assert.Equal(8, r.Out.Split('\n').Count(l => l.Contains(" 12.50% ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Optimize_Json_IsDeterministic()
    {
        using var root = new RiskFixtureRoot();
        string[] args = ["portfolio", "optimize", "--returns", root.ReturnsCsv, "--method", "max-sharpe", "--cov", "ledoit-wolf", "--json"];
        var a = root.Run(args);
        var b = root.Run(args);
        Assert.Equal(0, a.Code);
        Assert.Equal(a.Out, b.Out);
        Assert.Equal("ledoit-wolf", JsonDocument.Parse(a.Out).RootElement.GetProperty("covariance").GetString());
    }

    public static TheoryData<string[], string> BadInputs() => new()
    {
        { ["--method", "magic"], "--method: 'magic' is not a method" },
        { ["--method", "black-litterman"], "--views: black-litterman needs a views file" },
        { ["--method", "min-variance", "--views", "views.yaml"], "--views: only the black-litterman method takes views" },
        { ["--method", "target-return"], "--target-return: the target-return method needs an annual target" },
        { ["--method", "target-return", "--target-return", "100"], "no solution" },
        { ["--method", "min-variance", "--cov", "garch"], "--cov: 'garch' is not an estimator" },
        { ["--method", "min-variance", "--max-weight", "0.1"], "--min-weight/--max-weight: 8 weights in [0, 0.1] cannot sum to one" },
        { ["--method", "min-variance", "--max-sector", "Utilities=0.2"], "--max-sector: no symbol of the returns file is in sector 'Utilities'" },
        { ["--method", "min-variance", "--max-sector", "1.5"], "--max-sector: '1.5' is not a share of the portfolio" },
        { ["--method", "min-variance", "--max-sector", "0.2"], "--method min-variance: no solution" },
        { ["--method", "min-variance", "--max-turnover", "0.1"], "--max-turnover and --current go together" },
        { ["--method", "hrp", "--max-weight", "0.5"], "--method hrp: takes no weight bounds" },
        { ["--method", "max-sharpe", "--risk-free", "100"], "No asset's expected return exceeds the risk-free rate" },
        { ["--method", "min-variance", "--timeframe", "7days"], "--timeframe: '7days' is not a bar size" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Optimize_BadOption_OneLineErrorExit2(string[] options, string message)
    {
        using var root = new RiskFixtureRoot();
        root.Write("views.yaml", ViewsYaml(true));
        AssertOneLineError(root.Run(["portfolio", "optimize", "--returns", root.ReturnsCsv, .. options]), message);
    }

    [Theory]
    [InlineData("views:\n  - assets: {ZZZ: 1}\n    return: 0.1\n", "views.yaml:2: views.assets: 'ZZZ' is not a column of the returns file")]
    [InlineData("views:\n  - assets: {AAA: 1}\n", "views.yaml:2: views: a view needs 'return'")]
    [InlineData("views:\n  - assets: {AAA: 1}\n    return: 0.1\n    confidence: 2\n", "views.yaml:4: confidence: 2 is out of range")]
    [InlineData("tau: 0.05\nviewz: []\n", "views.yaml:2: unknown key 'viewz'")]
    [InlineData("views: [\n", "views.yaml:")]
    public void Optimize_BadViewsFile_NamesFileAndLine(string yaml, string message)
    {
        using var root = new RiskFixtureRoot();
        root.Write("views.yaml", yaml);
        AssertOneLineError(root.Run("portfolio", "optimize", "--returns", root.ReturnsCsv, "--method", "black-litterman", "--views", "views.yaml"), message);
    }
}
