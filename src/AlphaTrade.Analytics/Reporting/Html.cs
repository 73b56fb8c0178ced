using System.Text;

namespace AlphaTrade.Analytics.Reporting;

/// <summary>Minimal HTML/XML text escaping (&amp;, &lt;, &gt;, quotes); other characters are kept as UTF-8.</summary>
public static class Html
{
    /// <summary>Escapes <paramref name="text"/> for element content or a quoted attribute.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }
}
