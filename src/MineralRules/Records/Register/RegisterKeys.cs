using System.Text;

namespace MineralRules.Records.Register;

/// <summary>
/// The one way register keys are compared — deposit ids, planning block codes, county codes and holder names: two
/// spellings are the same key when their <see cref="Normalize"/> forms are equal. Unicode NFKC folds full-width
/// letters, digits, hyphens and brackets (<c>（集团）</c> = <c>(集团)</c>, <c>Ｄ－１５</c> = <c>D-15</c>), every whitespace
/// character is removed and letters are upper-cased (culture-invariant), so <c>d-150627-003</c> is
/// <c>D-150627-003</c>. Used by <see cref="RegisterQuery"/>, the GeoPackage register's dictionaries, the PostGIS
/// register's key columns, and the records overlay's count of holders.
/// </summary>
internal static class RegisterKeys
{
    /// <summary>The key of a text: NFKC, without whitespace, upper-case invariant; null for null, empty or only whitespace.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var folded = text.Normalize(NormalizationForm.FormKC);
        var key = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (!char.IsWhiteSpace(c))
            {
                key.Append(char.ToUpperInvariant(c));
            }
        }

        return key.Length == 0 ? null : key.ToString();
    }
}
