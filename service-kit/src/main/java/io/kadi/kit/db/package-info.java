/** Database migrations: the kit's own tables, migrated into each service's schema before the service's tables. */
package io.kadi.kit.db;
