using System.Globalization;

namespace AlphaTrade.Strategies.Framework;

/// <summary>What values a strategy parameter takes.</summary>
public enum ParameterKind
{
    /// <summary>A whole number in [min, max].</summary>
    Integer,

    /// <summary>A real number in [min, max].</summary>
    Number,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>One of a fixed list of words.</summary>
    Choice,

    /// <summary>Free text on one line (a model reference, a feature-set name, a list).</summary>
    Text,
}

/// <summary>One documented parameter of a strategy type, with its default and allowed values.</summary>
/// <param name="Name">Lower snake-case name used in settings.yaml.</param>
/// <param name="Kind">Value kind.</param>
/// <param name="Default">Default value in its YAML spelling.</param>
/// <param name="Description">What it controls.</param>
public sealed record StrategyParameter(string Name, ParameterKind Kind, string Default, string Description)
{
    /// <summary>Smallest allowed value (numbers).</summary>
    public double Min { get; init; } = double.NegativeInfinity;

    /// <summary>Largest allowed value (numbers).</summary>
    public double Max { get; init; } = double.PositiveInfinity;

    /// <summary>Allowed words (choices).</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>An integer parameter.</summary>
    public static StrategyParameter Int(string name, int value, int min, int max, string description) =>
        new(name, ParameterKind.Integer, value.ToString(CultureInfo.InvariantCulture), description) { Min = min, Max = max };

    /// <summary>A real parameter.</summary>
    public static StrategyParameter Real(string name, double value, double min, double max, string description) =>
        new(name, ParameterKind.Number, value.ToString("R", CultureInfo.InvariantCulture), description) { Min = min, Max = max };

    /// <summary>A boolean parameter.</summary>
    public static StrategyParameter Flag(string name, bool value, string description) =>
        new(name, ParameterKind.Boolean, value ? "true" : "false", description);

    /// <summary>A choice parameter.</summary>
    public static StrategyParameter Choice(string name, string value, IReadOnlyList<string> choices, string description) =>
        new(name, ParameterKind.Choice, value, description) { Choices = choices };

    /// <summary>A free-text parameter (one non-empty line).</summary>
    public static StrategyParameter Text(string name, string value, string description) =>
        new(name, ParameterKind.Text, value, description);

    /// <summary>The allowed values in words, for listings and error messages.</summary>
    public string Allowed => Kind switch
    {
        ParameterKind.Integer => string.Create(CultureInfo.InvariantCulture, $"a whole number in [{Min}, {Max}]"),
        ParameterKind.Number => string.Create(CultureInfo.InvariantCulture, $"a number in [{Min}, {Max}]"),
        ParameterKind.Boolean => "true or false",
        ParameterKind.Text => "one line of text",
        _ => "one of " + string.Join(", ", Choices),
    };

    /// <summary>Parses and checks <paramref name="text"/>; returns null when valid, else what was expected.</summary>
    public string? Check(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        switch (Kind)
        {
            case ParameterKind.Integer:
                return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long i) && i >= Min && i <= Max
                    ? null : $"'{text}' is not {Allowed}";
            case ParameterKind.Number:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d) && d >= Min && d <= Max
                    ? null : $"'{text}' is not {Allowed}";
            case ParameterKind.Boolean:
                return text is "true" or "false" ? null : $"'{text}' is not true or false";
            case ParameterKind.Text:
                return text.Length > 0 && text.IndexOfAny(['\n', '\r']) < 0 ? null : $"'{text}' is not {Allowed}";
            default:
                return Choices.Contains(text, StringComparer.Ordinal) ? null : $"'{text}' is not {Allowed}";
        }
    }
}

/// <summary>
/// Validated parameter values of one strategy: every declared parameter has a value (the default when not given).
/// Immutable.
/// </summary>
public sealed class StrategyParameters
{
    private readonly Dictionary<string, string> _values;
    private readonly IReadOnlyList<StrategyParameter> _schema;

    private StrategyParameters(IReadOnlyList<StrategyParameter> schema, Dictionary<string, string> values)
    {
        _schema = schema;
        _values = values;
    }

    /// <summary>The declared parameters.</summary>
    public IReadOnlyList<StrategyParameter> Schema => _schema;

    /// <summary>
    /// Validates <paramref name="given"/> against <paramref name="schema"/>. Unknown names and bad values raise
    /// <see cref="ArgumentException"/> whose <see cref="ArgumentException.ParamName"/> is the parameter name and
    /// whose message says what was expected (callers add the file and line).
    /// </summary>
    public static StrategyParameters Bind(IReadOnlyList<StrategyParameter> schema, IEnumerable<KeyValuePair<string, string>>? given)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var values = schema.ToDictionary(p => p.Name, p => p.Default, StringComparer.Ordinal);
        foreach (var (key, value) in given ?? [])
        {
            var p = schema.FirstOrDefault(s => string.Equals(s.Name, key, StringComparison.Ordinal))
                ?? throw new ArgumentException($"unknown parameter '{key}'; expected one of {string.Join(", ", schema.Select(s => s.Name))}", key);
            string text = value.Trim();
            if (p.Check(text) is { } problem)
            {
                throw new ArgumentException(problem + $" (parameter {key})", key);
            }

            values[key] = text;
        }

        return new StrategyParameters(schema, values);
    }

    /// <summary>The text value of a parameter (any kind, as written).</summary>
    public string Text(string name) => Raw(name);

    /// <summary>All values with defaults for <paramref name="schema"/>.</summary>
    public static StrategyParameters Defaults(IReadOnlyList<StrategyParameter> schema) => Bind(schema, null);

    /// <summary>A whole-number parameter.</summary>
    public int Int(string name) => int.Parse(Raw(name), NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>A real parameter.</summary>
    public double Real(string name) => double.Parse(Raw(name), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>A boolean parameter.</summary>
    public bool Flag(string name) => Raw(name) == "true";

    /// <summary>A choice parameter.</summary>
    public string Choice(string name) => Raw(name);

    /// <summary>Ordered (name, value) pairs in schema order, for run records.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Describe() => [.. _schema.Select(p => new KeyValuePair<string, string>(p.Name, _values[p.Name]))];

    private string Raw(string name) =>
        _values.TryGetValue(name, out var v) ? v : throw new KeyNotFoundException($"The strategy declares no parameter '{name}'.");
}
