using AlphaTrade.Core;

namespace AlphaTrade.Configuration;

/// <summary>
/// Secrets (broker keys, database passwords) from the process environment, falling back to a <c>.env</c> file.
/// Values are never written to logs or results: <see cref="ToString"/> lists names only.
/// </summary>
public sealed class SecretStore
{
    /// <summary>The secrets AlphaTrade knows about (mirrors .env.example).</summary>
    public static readonly IReadOnlyList<string> KnownNames =
    [
        "ALPACA_API_KEY", "ALPACA_API_SECRET", "ALPACA_BASE_URL", "IBKR_HOST", "IBKR_PORT", "IBKR_CLIENT_ID",
        "POSTGRES_HOST", "POSTGRES_PORT", "POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD", "REDIS_URL", "REDIS_PASSWORD",
    ];

    private readonly Dictionary<string, string> _values;

    private SecretStore(Dictionary<string, string> values) => _values = values;

    /// <summary>An empty store.</summary>
    public static SecretStore Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>Reads <paramref name="dotEnvPath"/> when it exists; the environment wins over the file.</summary>
    public static SecretStore Load(string dotEnvPath, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(dotEnvPath))
        {
            foreach (var (k, v) in ParseDotEnv(dotEnvPath, File.ReadAllLines(dotEnvPath)))
            {
                values[k] = v;
            }
        }

        foreach (var (k, v) in environment)
        {
            if (KnownNames.Contains(k, StringComparer.Ordinal) && !string.IsNullOrEmpty(v))
            {
                values[k] = v;
            }
        }

        return new SecretStore(values);
    }

    /// <summary>Parses KEY=VALUE lines: '#' comments, optional 'export ', optional single or double quotes.</summary>
    public static IEnumerable<KeyValuePair<string, string>> ParseDotEnv(string fileName, IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line[7..].TrimStart();
            }

            int eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw InputException.AtLine(fileName, i + 1, "expected KEY=VALUE");
            }

            var key = line[..eq].Trim();
            if (!key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                throw InputException.AtLine(fileName, i + 1, $"'{key}' is not a variable name; expected letters, digits and '_'");
            }

            var value = line[(eq + 1)..].Trim();
            if (value.Length >= 2 && ((value[0] == '"' && value[^1] == '"') || (value[0] == '\'' && value[^1] == '\'')))
            {
                value = value[1..^1];
            }

            yield return new KeyValuePair<string, string>(key, value);
        }
    }

    /// <summary>The secret's value, or null when unset or empty.</summary>
    public string? Get(string name) => _values.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

    /// <summary>The secret's value; a clear error naming the variable when it is missing.</summary>
    public string Require(string name) =>
        Get(name) ?? throw new InputException($"secret {name} is not set; set it in the environment or in .env (see .env.example)");

    /// <summary>True when the secret has a value.</summary>
    public bool Has(string name) => Get(name) is not null;

    /// <summary>Names of the secrets that are set; never their values.</summary>
    public override string ToString() => "secrets: " + string.Join(", ", _values.Keys.Order(StringComparer.Ordinal));
}
