using AlphaTrade.Core;
using AlphaTrade.Testing;

namespace AlphaTrade.Configuration.Tests;

public class SecretStoreTests
{
    [Fact]
    public void Load_DotEnv_ParsesQuotesCommentsAndExport()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File(".env"), "# comment\nALPACA_API_KEY=abc\nexport ALPACA_API_SECRET=\"s e c\"\nPOSTGRES_PASSWORD='pw'\n\n");
        var s = SecretStore.Load(dir.File(".env"), new Dictionary<string, string>());
        Assert.Equal("abc", s.Get("ALPACA_API_KEY"));
        Assert.Equal("s e c", s.Get("ALPACA_API_SECRET"));
        Assert.Equal("pw", s.Get("POSTGRES_PASSWORD"));
        Assert.Null(s.Get("REDIS_PASSWORD"));
    }

    [Fact]
    public void Load_EnvironmentWinsOverDotEnv()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File(".env"), "ALPACA_API_KEY=from-file\n");
        var s = SecretStore.Load(dir.File(".env"), new Dictionary<string, string> { ["ALPACA_API_KEY"] = "from-env" });
        Assert.Equal("from-env", s.Get("ALPACA_API_KEY"));
    }

    [Fact]
    public void ToString_NeverShowsValues()
    {
        var s = SecretStore.Load("/nonexistent/.env", new Dictionary<string, string> { ["ALPACA_API_SECRET"] = "topsecret" });
        Assert.DoesNotContain("topsecret", s.ToString(), StringComparison.Ordinal);
        Assert.Contains("ALPACA_API_SECRET", s.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Require_Missing_NamesTheVariableAndTheExample()
    {
        var ex = Assert.Throws<InputException>(() => SecretStore.Empty.Require("ALPACA_API_KEY"));
        Assert.Contains("ALPACA_API_KEY", ex.Message, StringComparison.Ordinal);
        Assert.Contains(".env.example", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseDotEnv_LineWithoutEquals_NamesFileAndLine()
    {
        var ex = Assert.Throws<InputException>(() => SecretStore.ParseDotEnv(".env", ["A=1", "garbage"]).ToList());
        Assert.Equal(".env:2: expected KEY=VALUE", ex.Message);
    }

    [Fact]
    public void DotEnvExample_ListsEveryKnownSecret()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, ".env.example"));
        var names = SecretStore.ParseDotEnv(".env.example", lines).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var known in SecretStore.KnownNames)
        {
            Assert.Contains(known, names);
        }
    }
}
