package org.taexchange.platform;

/** Implemented by a module that has work waiting for coordinators. */
public interface AdminTiles {

	AdminTile tile();
}
