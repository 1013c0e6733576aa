using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Srdi.Model.Policies;
using Srdi.Model.Vocabulary;

namespace Srdi.Catalog.Loading;

/// <summary>The documents as the loader left them, kept in one file in the catalog's <c>.cache</c>
/// folder: a national catalog's YAML takes seconds to parse, its cached form a fraction of that.
/// Each entry is keyed by a SHA-256 of what the loader reads to build the document (the bytes of
/// policy.yaml, its folder and displayed path, the term codes it checks against), and the file
/// as a whole by the build of the loader and of the model, so an edited file, a changed term list
/// or a new program reparses exactly what it must. A missing, stale, damaged or unwritable cache
/// costs only time: the YAML is parsed as without one, and what is loaded never differs.</summary>
internal sealed class DocumentCache : IDisposable
{
    public const string FolderName = ".cache";
    public const string FileName = "documents.bin";

    private static readonly byte[] Magic = "SRDIDOC1"u8.ToArray();

    // Two builds of the loader or model may read or write the same fields differently; an entry
    // is trusted only by the build that wrote it.
    internal static readonly byte[] Build = SHA256.HashData(
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{typeof(DocumentCache).Assembly.ManifestModule.ModuleVersionId:N}|{typeof(PolicyDocument).Assembly.ManifestModule.ModuleVersionId:N}")));

    private readonly string _path;
    private readonly Dictionary<string, ReadOnlyMemory<byte>> _entries;
    private readonly MappedFile? _mapped;

    private DocumentCache(string path, Dictionary<string, ReadOnlyMemory<byte>> entries, MappedFile? mapped)
    {
        _path = path;
        _entries = entries;
        _mapped = mapped;
    }

    /// <summary>Unmaps the file. Documents read from it are whole objects and stay valid.</summary>
    public void Dispose() => _mapped?.Dispose();

    public static string PathIn(string root) => Path.Combine(root, FolderName, FileName);

    /// <summary>The cache of the catalog at <paramref name="root"/>; empty when there is none or
    /// when it cannot be trusted as a whole (another build, a truncated or foreign file). The file
    /// is mapped, not read: 56 MB for a national catalog, which an array would put on the large
    /// object heap (and a full collection) only to copy it once more into strings.</summary>
    public static DocumentCache Open(string root)
    {
        var path = PathIn(root);
        var entries = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        MappedFile? mapped = null;
        try
        {
            if (File.Exists(path))
            {
                mapped = MappedFile.Open(path);
                ReadEntries(mapped.Memory, entries);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            entries.Clear();
        }
        return new DocumentCache(path, entries, mapped);
    }

    private static void ReadEntries(ReadOnlyMemory<byte> file, Dictionary<string, ReadOnlyMemory<byte>> entries)
    {
        var bytes = file.Span;
        // A damaged file is reparsed, never half-read.
        if (!CacheFile.TryBody(bytes, out var end)) return;
        var at = 0;
        ReadOnlySpan<byte> Take(ReadOnlySpan<byte> all, int count)
        {
            if (count < 0 || count > end - at) throw new FormatException("truncated");
            var span = all.Slice(at, count);
            at += count;
            return span;
        }
        if (!Take(bytes, Magic.Length).SequenceEqual(Magic) || !Take(bytes, Build.Length).SequenceEqual(Build)) return;
        var count = BinaryPrimitives.ReadInt32LittleEndian(Take(bytes, 4));
        for (var i = 0; i < count; i++)
        {
            var key = Convert.ToHexString(Take(bytes, 32));
            var length = BinaryPrimitives.ReadInt32LittleEndian(Take(bytes, 4));
            Take(bytes, length);
            entries[key] = file.Slice(at - length, length);
        }
        if (at != end) throw new FormatException("trailing bytes");
    }

    /// <summary>What the loader's result depends on besides the file itself: the term codes it
    /// checks categories, beneficiaries and periods against.</summary>
    public static byte[] TermsDigest(Terms terms) => SHA256.HashData(Encoding.UTF8.GetBytes(
        string.Join('\u001f', [.. terms.Categories.Codes, "\u001e", .. terms.Beneficiaries.Codes, "\u001e", .. terms.Periods.Codes])));

    /// <summary>The key of a document file's bytes.</summary>
    public static string KeyOf(byte[] termsDigest, string displayPath, string folderName, ReadOnlySpan<byte> file)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(termsDigest);
        hash.AppendData(Encoding.UTF8.GetBytes($"{displayPath}\0{folderName}\0"));
        hash.AppendData(file);
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>The cached document under <paramref name="key"/> and its stored form, or null.
    /// An entry that does not read back whole, or names another folder, is not used.</summary>
    public (PolicyDocument Document, ReadOnlyMemory<byte> Stored)? Find(string key, string folderName)
    {
        if (!_entries.TryGetValue(key, out var stored)) return null;
        try
        {
            var document = DocumentCodec.Decode(stored);
            return document.Id == folderName ? (document, stored) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static ReadOnlyMemory<byte> Store(PolicyDocument document) => DocumentCodec.Encode(document);

    /// <summary>Replaces the file with exactly <paramref name="entries"/> (the catalog as loaded
    /// now, so removed documents leave it) unless it already holds exactly them, whole or not at
    /// all (<see cref="CacheFile.Replace"/>). A catalog that cannot be written to is simply parsed
    /// again next time.</summary>
    public void Save(IReadOnlyList<(string Key, ReadOnlyMemory<byte> Stored)> entries)
    {
        if (entries.Count == _entries.Count && entries.All(e => _entries.ContainsKey(e.Key))) return;
        CacheFile.Replace(_path, stream =>
        {
            stream.Write(Magic);
            stream.Write(Build);
            Span<byte> number = stackalloc byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(number, entries.Count);
            stream.Write(number);
            foreach (var (key, stored) in entries)
            {
                stream.Write(Convert.FromHexString(key));
                BinaryPrimitives.WriteInt32LittleEndian(number, stored.Length);
                stream.Write(number);
                stream.Write(stored.Span);
            }
        }, () => _mapped?.Dispose());
    }
}

