package io.llmtraces.sink;

import java.sql.Driver;
import java.util.ServiceLoader;
import org.apache.iceberg.jdbc.JdbcCatalog;

/**
 * Iceberg's JDBC catalog, with the JDBC drivers of the job jar registered first. On a cluster
 * the job's classes live in Flink's user class loader, where {@code DriverManager} (which looks
 * through the system class loader) does not find them: "No suitable driver". A driver class
 * registers itself when it is loaded, so loading them from here is enough.
 */
public class JobJdbcCatalog extends JdbcCatalog {
  static {
    ServiceLoader.load(Driver.class, JobJdbcCatalog.class.getClassLoader()).forEach(driver -> {});
  }
}
