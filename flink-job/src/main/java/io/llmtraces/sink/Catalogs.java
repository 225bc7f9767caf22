package io.llmtraces.sink;

import io.llmtraces.schema.CatalogSettings;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.flink.CatalogLoader;

/** Catalog settings as the serializable recipe Flink operators need. */
public final class Catalogs {
  private Catalogs() {}

  public static CatalogLoader loader(CatalogSettings settings) {
    String implementation = settings.type().equals("jdbc") ? JobJdbcCatalog.class.getName() : settings.implementation();
    return CatalogLoader.custom(CatalogSettings.CATALOG_NAME, settings.catalogProperties(), new Configuration(), implementation);
  }
}
