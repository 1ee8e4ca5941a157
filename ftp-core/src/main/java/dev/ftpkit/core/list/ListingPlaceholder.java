package dev.ftpkit.core.list;

/** Placeholder until the listing parsers land. */
final class ListingPlaceholder {
    private ListingPlaceholder() {
    }
}
