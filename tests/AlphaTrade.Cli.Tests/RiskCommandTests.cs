using System.Globalization;
using System.Text.Json;
using AlphaTrade.Risk;
using static AlphaTrade.Cli.Tests.RiskFixtureRoot;

namespace AlphaTrade.Cli.Tests;

public class RiskCommandTests
{
    private static JsonElement Result(JsonElement root, string target, string method, double confidence) =>
        root.GetProperty("results").EnumerateArray().Single(r =>
            r.GetProperty("target").GetString() == target && r.GetProperty("method").GetString() == method
            && r.GetProperty("confidence").GetDouble() == confidence);

    private static readonly (string Method, string Var, string CVar)[] FixtureMethods =
        [("historical", "historical_var", "historical_cvar"), ("gaussian", "gaussian_var", "gaussian_cvar"), ("cornish-fisher", "cf_var", "cf_cvar")];

    [Fact]
    public void Var_EachColumn_MatchesScipyReference()
    {
        using var root = new RiskFixtureRoot();
        var r = root.Run("risk", "var", "--returns", root.ReturnsCsv, "--method", "historical,gaussian,cornish-fisher", "--json");
        Assert.Equal(0, r.Code);
        Assert.Contains("each of the 8 columns is measured on its own", r.Err, StringComparison.Ordinal);
        var json = JsonDocument.Parse(r.Out).RootElement;
        Assert.Equal(750, json.GetProperty("rows").GetInt32());
        Assert.Equal(8 * 3 * 2, json.GetProperty("results").GetArrayLength());
        foreach (var c in Reference.GetProperty("var_single").EnumerateArray())
        {
            double conf = c.GetProperty("confidence").GetDouble();
            foreach (var (method, varKey, cvarKey) in FixtureMethods)
            {
                var x = Result(json, "AAA", method, conf);
                Close(c.GetProperty(varKey).GetDouble(), x.GetProperty("var").GetDouble(), rel: 1e-9, what: $"{method} VaR {conf}");
                Close(c.GetProperty(cvarKey).GetDouble(), x.GetProperty("cvar").GetDouble(), rel: 1e-8, what: $"{method} CVaR {conf}");
            }
        }
    }

    [Fact]
    public void Var_Portfolio_MatchesScipyReferenceAndComponentsAddUp()
    {
        using var root = new RiskFixtureRoot();
        var r = root.Run("risk", "var", "--returns", root.ReturnsCsv, "--weights", root.WeightsCsv, "--method", "historical,gaussian,cornish-fisher", "--json");
        Assert.Equal(0, r.Code);
        Assert.Equal(string.Empty, r.Err);
        var json = JsonDocument.Parse(r.Out).RootElement;
        var symbols = Symbols;
        var components = Reference.GetProperty("var_components").EnumerateArray().ToArray();
        foreach (var (c, i) in Reference.GetProperty("var_portfolio").EnumerateArray().Select((c, i) => (c, i)))
        {
            double conf = c.GetProperty("confidence").GetDouble();
            foreach (var (method, varKey, cvarKey) in FixtureMethods)
            {
                var x = Result(json, "portfolio", method, conf);
                double var = x.GetProperty("var").GetDouble();
                Close(c.GetProperty(varKey).GetDouble(), var, rel: 1e-9, what: $"{method} VaR {conf}");
                Close(c.GetProperty(cvarKey).GetDouble(), x.GetProperty("cvar").GetDouble(), rel: 1e-8, what: $"{method} CVaR {conf}");
                var comp = symbols.Select(s => x.GetProperty("component_var").GetProperty(s).GetDouble()).ToArray();
                Close(var, comp.Sum(), rel: 1e-6, what: $"{method} components sum");
            }

            var gauss = Result(json, "portfolio", "gaussian", conf).GetProperty("component_var");
            var hist = Result(json, "portfolio", "historical", conf);
            var expectedGauss = Doubles(components[i].GetProperty("gaussian_component"));
            var expectedHist = Doubles(components[i].GetProperty("historical_component"));
            var expectedHistEs = Doubles(components[i].GetProperty("historical_cvar_component"));
            for (int j = 0; j < symbols.Length; j++)
            {
                Close(expectedGauss[j], gauss.GetProperty(symbols[j]).GetDouble(), rel: 1e-9, what: $"Gaussian component {symbols[j]}");
                Close(expectedHist[j], hist.GetProperty("component_var").GetProperty(symbols[j]).GetDouble(), rel: 1e-9, what: $"historical component {symbols[j]}");
                Close(expectedHistEs[j], hist.GetProperty("component_cvar").GetProperty(symbols[j]).GetDouble(), rel: 1e-9, what: $"historical ES component {symbols[j]}");
            }
        }
    }

    [Fact]
    public void Var_MonteCarlo_EqualsLibraryWithTheSameSeedAndIsReproducible()
    {
        using var root = new RiskFixtureRoot();
        string[] args = ["risk", "var", "--returns", root.ReturnsCsv, "--weights", root.WeightsCsv, "--method", "monte-carlo", "--paths", "40000", "--seed", "11", "--json"];
        var first = root.Run(args);
        var second = root.Run(args);
        Assert.Equal(0, first.Code);
        Assert.Equal(first.Out, second.Out);
        var json = JsonDocument.Parse(first.Out).RootElement;
        Assert.Equal(40000, json.GetProperty("monte_carlo").GetProperty("paths").GetInt32());
        var w = Doubles(Reference.GetProperty("weights"));
        foreach (var conf in new[] { 0.95, 0.99 })
        {
            var lib = PortfolioRisk.Compute(Columns(), w, VarMethod.MonteCarlo, conf, new MonteCarloSettings(40000, 11));
            var x = Result(json, "portfolio", "monte-carlo", conf);
            Assert.Equal(lib.Var, x.GetProperty("var").GetDouble());
            Assert.Equal(lib.CVar, x.GetProperty("cvar").GetDouble());

            // Correlated Gaussian shocks: within sampling error of the analytic Gaussian figure of the fixture.
            var gaussian = Reference.GetProperty("var_portfolio").EnumerateArray().Single(c => c.GetProperty("confidence").GetDouble() == conf);
            Close(gaussian.GetProperty("gaussian_var").GetDouble(), lib.Var, rel: 0.03, what: $"MC vs Gaussian VaR {conf}");
        }
    }

    [Fact]
    public void Var_Text_PrintsEveryMethodAndTheComponentTable()
    {
        using var root = new RiskFixtureRoot();
        var r = root.Run("risk", "var", "--returns", root.ReturnsCsv, "--weights", root.WeightsCsv, "--confidence", "0.99");
        Assert.Equal(0, r.Code);
        var hist = Reference.GetProperty("var_portfolio")[1];
        string Pct(double v) => (v * 100).ToString("F4", CultureInfo.InvariantCulture) + "%";
        Assert.Contains("portfolio of 8 positions, weights sum 1.0000", r.Out, StringComparison.Ordinal);
        Assert.Matches($@"portfolio\s+historical\s+99\.0%\s+{Pct(hist.GetProperty("historical_var").GetDouble()).Replace(".", @"\.", StringComparison.Ordinal)}\s+{Pct(hist.GetProperty("historical_cvar").GetDouble()).Replace(".", @"\.", StringComparison.Ordinal)}", r.Out);
        Assert.Contains("cornish-fisher", r.Out, StringComparison.Ordinal);
        Assert.Contains("monte-carlo", r.Out, StringComparison.Ordinal);
        Assert.Contains("component VaR at 99.0% (sums to the portfolio VaR)", r.Out, StringComparison.Ordinal);
        Assert.Matches(@"\nAAA\s+0\.2000\s", r.Out);
    }

    [Fact]
    public void Var_SingleUnlabelledColumn_IsReadWithoutATimestamp()
    {
        using var root = new RiskFixtureRoot();
        var aaa = Columns()[0];
        var path = root.Write("aaa.csv", "AAA\n" + string.Join('\n', aaa.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "\n");
        var r = root.Run("risk", "var", "--returns", path, "--method", "historical", "--confidence", "0.95", "--json");
        Assert.Equal(0, r.Code);
        var x = Result(JsonDocument.Parse(r.Out).RootElement, "AAA", "historical", 0.95);
        Close(Reference.GetProperty("var_single")[0].GetProperty("historical_var").GetDouble(), x.GetProperty("var").GetDouble());
    }

    [Fact]
    public void Var_MissingReturnsFile_OneLineErrorExit2()
    {
        using var root = new RiskFixtureRoot();
        AssertOneLineError(root.Run("risk", "var", "--returns", "nope.csv"), "nope.csv: file not found");
    }

    [Fact]
    public void Var_NonNumericCell_NamesFileLineAndColumn()
    {
        using var root = new RiskFixtureRoot();
        var path = root.Write("bad.csv", "timestamp,AAA,BBB\n2024-01-02,0.01,0.02\n2024-01-03,0.01,abc\n2024-01-04,0.0,0.01\n");
        AssertOneLineError(root.Run("risk", "var", "--returns", path), "bad.csv:3: column 'BBB': expected a number");
    }

    [Fact]
    public void Var_RaggedRow_NamesLine()
    {
        using var root = new RiskFixtureRoot();
        var path = root.Write("ragged.csv", "timestamp,AAA,BBB\n2024-01-02,0.01,0.02\n2024-01-03,0.01\n");
        AssertOneLineError(root.Run("risk", "var", "--returns", path), "ragged.csv:3: expected 3 fields, found 2");
    }

    [Fact]
    public void Var_WeightOfUnknownSymbol_NamesWeightsFileLine()
    {
        using var root = new RiskFixtureRoot();
        var path = root.Write("w.csv", "symbol,weight\nAAA,0.5\nZZZ,0.5\n");
        AssertOneLineError(root.Run("risk", "var", "--returns", root.ReturnsCsv, "--weights", path), "w.csv:3: symbol 'ZZZ' is not a column of the returns file");
    }

    [Theory]
    [InlineData("--confidence", "1.2", "--confidence: '1.2' is not a confidence level")]
    [InlineData("--confidence", "0.95,x", "--confidence: 'x' is not a confidence level")]
    [InlineData("--method", "garch", "--method: 'garch' is not a VaR method")]
    [InlineData("--paths", "5", "--paths: expected 100 to 10000000 scenarios")]
    public void Var_BadOption_OneLineErrorExit2(string option, string value, string message)
    {
        using var root = new RiskFixtureRoot();
        AssertOneLineError(root.Run("risk", "var", "--returns", root.ReturnsCsv, option, value), message);
    }

    [Fact]
    public void Var_NoReturnsOption_UsageErrorExit2()
    {
        using var root = new RiskFixtureRoot();
        var r = root.Run("risk", "var");
        Assert.Equal(CliApp.ExitBadInput, r.Code);
        Assert.Contains("--returns", r.Err, StringComparison.Ordinal);
    }
}
